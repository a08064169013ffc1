def check(candidate):
    assert _close(candidate([1.0, 2.0, 4.0], 2), [nan, 5.0 / 3, 10.0 / 3])
    assert _close(candidate([3.0, 1.0, 2.0], 3), [nan, nan, 11.0 / 6])
