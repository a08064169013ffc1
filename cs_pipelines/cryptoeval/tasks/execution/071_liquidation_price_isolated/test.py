def check(candidate):
    assert _close(candidate("long", 20_000.0, 10.0, 0.005), 18_000.0 / 0.995)
    assert _close(candidate("short", 20_000.0, 10.0, 0.005), 22_000.0 / 1.005)
    assert _close(candidate("long", 100.0, 1.0, 0.01), 0.0, abs_tol=1e-12)
    assert _raises(candidate, ValueError, "both", 100.0, 5.0, 0.01)
    # At the returned price, equity equals maintenance margin (qty = 1).
    p = candidate("short", 3_000.0, 20.0, 0.004)
    assert _close(3_000.0 / 20.0 - (p - 3_000.0), 0.004 * p)
