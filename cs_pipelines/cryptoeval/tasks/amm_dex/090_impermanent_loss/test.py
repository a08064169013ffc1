def check(candidate):
    assert _close(candidate(4.0), -0.2)
    assert _close(candidate(0.25), -0.2)
    assert _close(candidate(1.0), 0.0, abs_tol=1e-12)
    assert _close(candidate(2.0), 2 * math.sqrt(2) / 3 - 1)
