def check(candidate):
    got = candidate([10.0, 11.0, 12.0, 13.0, 11.0], 2, 1, 3)
    assert _close(got, [nan, 11.0, 12.0, 13.0, 109 / 9])
    got = candidate([1.0, 2.0, 3.0, 4.0, 5.0], 3, 2, 30)
    assert _close(got, [nan, nan, 3.0, 31 / 9, 335 / 81])
    assert _close(candidate([5.0, 5.0, 5.0, 5.0], 2, 2, 30), [nan, 5.0, 5.0, 5.0])
    assert _close(candidate([5.0], 3), [nan])
    assert _raises(candidate, ValueError, [1.0, 2.0], 0)
