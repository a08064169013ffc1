def check(candidate):
    assert _close(candidate([1.0, 2.0, 3.0, 4.0], 3), [nan, nan, 2.0, 3.0])
    assert _close(candidate([2.0, 4.0, 10.0, 4.0], 2), [nan, 3.0, 23.0 / 3, 47.0 / 9])
    assert _close(candidate([1.0, 2.0], 3), [nan, nan])
