def check(candidate):
    assert _close(candidate("long", 100.0, 0.001), 100.0 * 1.001 / 0.999, rel_tol=1e-12)
    assert _close(candidate("short", 100.0, 0.001), 100.0 * 0.999 / 1.001, rel_tol=1e-12)
    assert _close(candidate("long", 50.0, 0.0), 50.0)
    assert _raises(candidate, ValueError, "flat", 1.0, 0.001)
