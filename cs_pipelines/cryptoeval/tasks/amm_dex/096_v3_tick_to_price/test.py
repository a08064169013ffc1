def check(candidate):
    assert _close(candidate(0, 6, 18), 1e-12, rel_tol=1e-9, abs_tol=0.0)
    assert _close(candidate(200_000, 6, 18), 1.0001**200_000 * 1e-12, abs_tol=0.0)
    assert _close(candidate(-100, 18, 18), 1.0001**-100)
