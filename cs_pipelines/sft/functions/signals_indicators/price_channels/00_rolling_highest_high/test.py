def check(candidate):
    assert _close(candidate([3, 1, 4, 1, 5, 9, 2], 3), [nan, nan, 4, 4, 5, 9, 9])
    assert _close(candidate([2.0, 7.0, 1.0], 1), [2.0, 7.0, 1.0])
    assert _close(candidate([2.0, 7.0], 4), [nan, nan])
    assert _close(candidate([], 2), [])
    assert _raises(candidate, ValueError, [1.0, 2.0], 0)
