def check(candidate):
    assert _close(candidate(0.12345, 0.001, 0.01), 0.123)
    assert _close(candidate(0.0099, 0.001, 0.01), 0.0, abs_tol=1e-12)
    assert _close(candidate(0.3, 0.1, 0.1), 0.3)
    assert _close(candidate(0.1239, 0.001, 0.0), 0.123)
