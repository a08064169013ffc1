def check(candidate):
    assert _close(candidate([5, 3, 4, 6, 2, 8], 2), [nan, nan, 3, 3, 4, 2])
    assert _close(candidate([4.0, 1.0, 3.0], 1), [nan, 4.0, 1.0])
    assert _close(candidate([4.0, 1.0], 3), [nan, nan])
    assert _raises(candidate, ValueError, [1.0], 0)
