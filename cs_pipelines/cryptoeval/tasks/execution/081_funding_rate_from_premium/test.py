def check(candidate):
    assert _close(candidate(0.0002), 0.0001, abs_tol=1e-15)
    assert _close(candidate(0.001), 0.0005, abs_tol=1e-15)
    assert _close(candidate(-0.001), -0.0005, abs_tol=1e-15)
    assert _close(candidate(0.0, 0.0003, 0.0005), 0.0003, abs_tol=1e-15)
