def check(candidate):
    assert _close(candidate(2.0, 30_000.0, 0.0001), -6.0)
    assert _close(candidate(-2.0, 30_000.0, 0.0001), 6.0)
    assert _close(candidate(1.0, 2_000.0, -0.0005), 1.0)
    assert _close(candidate(0.0, 2_000.0, 0.01), 0.0, abs_tol=1e-12)
