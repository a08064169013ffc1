def check(candidate):
    assert _close(candidate([3, 4, 5], [1, 2, 3], [2, 4, 3], 2), [nan, 100.0, 100.0 / 3])
    assert _close(candidate([2, 2], [2, 2], [2, 2], 2), [nan, 50.0])
    assert _close(candidate([10, 8, 9], [6, 7, 5], [7, 8, 5], 3), [nan, nan, 0.0])
