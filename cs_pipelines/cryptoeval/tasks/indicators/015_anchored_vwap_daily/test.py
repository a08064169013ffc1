def check(candidate):
    day = 86_400_000
    got = candidate([0, 1000, day], [10.0, 20.0, 30.0], [1.0, 1.0, 2.0])
    assert _close(got, [10.0, 15.0, 30.0])
    ts = [day - 1, day, day + 5, 3 * day + 1]
    got = candidate(ts, [1.0, 2.0, 4.0, 8.0], [1.0, 0.0, 3.0, 1.0])
    assert _close(got, [1.0, nan, 4.0, 8.0])
