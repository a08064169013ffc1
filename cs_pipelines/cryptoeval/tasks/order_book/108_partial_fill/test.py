def check(candidate):
    assert _close(candidate([(100.0, 1.0), (102.0, 1.0)], 3.0), (2.0, 101.0))
    assert _close(candidate([(100.0, 1.0), (102.0, 1.0)], 1.5), (1.5, 302.0 / 3.0))
    filled, avg = candidate([], 1.0)
    assert _close(filled, 0.0, abs_tol=1e-12) and math.isnan(avg)
