def check(candidate):
    cov = [[0.0004, 0.0002], [0.0002, 0.0009]]
    f = 0.2 / math.sqrt(0.000425 * 365)
    assert _close(candidate([0.5, 0.5], cov, 0.2, 3.0), [0.5 * f, 0.5 * f])
    assert _close(candidate([0.5, 0.5], cov, 2.0, 3.0), [1.5, 1.5])
    f = 0.2 / math.sqrt(0.0001 * 365)
    got = candidate([1.0, -1.0], [[0.0001, 0.0], [0.0, 0.0001]], 0.2, 9.0)
    assert _close(got, [f / math.sqrt(2), -f / math.sqrt(2)])
