def check(candidate):
    assert _close(candidate([1, 3, 2, 3, 1], 2), [nan, nan, 50.0, 100.0, 50.0])
    assert _close(candidate([5, 4, 3, 2], 3), [nan, nan, nan, 0.0])
    assert _close(candidate([1, 2], 3), [nan, nan])
