def check(candidate):
    mid = 10_000.0 / 1010.0
    got = candidate(10.0, (1000.0, 1000.0), (1000.0, 1000.0), 0.0)
    assert _close(got, 1000.0 * mid / (1000.0 + mid))
    a1 = 9.97
    mid = 2000.0 * a1 / (1000.0 + a1)
    a2 = mid * 0.997
    want = 50.0 * a2 / (4000.0 + a2)
    assert _close(candidate(10.0, (1000.0, 2000.0), (4000.0, 50.0)), want)
