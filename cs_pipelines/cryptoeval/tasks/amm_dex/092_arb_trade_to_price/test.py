def check(candidate):
    assert _close(candidate(100.0, 200_000.0, 8_000.0), 200_000.0)
    assert _close(candidate(100.0, 200_000.0, 500.0), -100.0)
    assert _close(candidate(10.0, 10.0, 1.0), 0.0, abs_tol=1e-12)
    dy = candidate(4.0, 9.0, 4.0)
    x1 = 36.0 / (9.0 + dy)
    assert _close((9.0 + dy) / x1, 4.0)
