def check(candidate):
    assert _close(candidate(0.001), 1.001**365 - 1)
    assert _close(candidate(0.01, 12), 1.01**12 - 1)
    assert _close(candidate(0.0), 0.0, abs_tol=1e-12)
