def check(candidate):
    got = candidate([0.0, 0.0, 0.0, 0.0, 6.0, 0.0, 0.0], 4)
    assert _close(got, [nan, nan, nan, nan, 11.2 / 3, 10 / 3, -1 / 15])
    linear = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    assert _close(candidate(linear, 4), [nan, nan, nan, nan, 5.0, 6.0])
    assert _close(candidate([1.0, 2.0, 3.0], 4), [nan, nan, nan])
    assert _raises(candidate, ValueError, [1.0, 2.0], 1)
