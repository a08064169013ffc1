def check(candidate):
    assert _close(candidate(1000.0, 1000.0, 10.0), 10000.0 / (990.0 * 0.997))
    a = candidate(500.0, 2000.0, 100.0, 0.003)
    got = 2000.0 * a * 0.997 / (500.0 + a * 0.997)
    assert _close(got, 100.0)
    assert _raises(candidate, ValueError, 10.0, 5.0, 5.0)
