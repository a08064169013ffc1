def check(candidate):
    got = candidate([10, 12, 11, 11, 14, 10], 3)
    assert _close(got, [nan, nan, nan, 100 / 3, 50.0, -100 / 7])
    assert _close(candidate([10, 12, 11], 1), [nan, 100.0, -100.0])
    assert _close(candidate([5, 5, 5], 2), [nan, nan, 0.0])
    assert _raises(candidate, ValueError, [1.0, 2.0], 0)
