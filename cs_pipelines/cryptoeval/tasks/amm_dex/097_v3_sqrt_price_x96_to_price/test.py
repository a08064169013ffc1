def check(candidate):
    assert _close(candidate(2**96, 18, 18), 1.0)
    assert _close(candidate(2 * 2**96, 18, 18), 4.0)
    assert _close(candidate(2**96, 6, 18), 1e-12, abs_tol=0.0)
    s = int(2**96 * 2000.0**0.5 * 10**-6)
    assert _close(candidate(s, 18, 6), 2000.0, rel_tol=1e-6)
