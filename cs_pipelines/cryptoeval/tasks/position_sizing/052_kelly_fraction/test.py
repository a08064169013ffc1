def check(candidate):
    assert _close(candidate(0.6, 1.0), 0.2)
    assert _close(candidate(0.5, 2.0), 0.25)
    assert _close(candidate(0.3, 1.0), 0.0, abs_tol=1e-12)
