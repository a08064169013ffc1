def check(candidate):
    assert _close(candidate(100.0, 200_000.0, 8_000.0), (50.0, 400_000.0))
    assert _close(candidate(100.0, 200_000.0, 500.0), (200.0, 100_000.0))
    x1, y1 = candidate(3.0, 7.0, 2.0)
    assert _close(x1 * y1, 21.0) and _close(y1 / x1, 2.0)
