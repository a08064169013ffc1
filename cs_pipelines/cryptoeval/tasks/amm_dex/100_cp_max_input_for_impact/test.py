def check(candidate):
    assert _close(candidate(1000.0, 0.01), 1000.0 / 99.0)
    assert _close(candidate(500.0, 0.5), 500.0)
    assert _close(candidate(500.0, 0.0), 0.0, abs_tol=1e-12)
    assert _raises(candidate, ValueError, 500.0, 1.0)
