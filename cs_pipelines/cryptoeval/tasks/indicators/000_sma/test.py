def check(candidate):
    assert _close(candidate([1.0, 2.0, 3.0, 4.0], 2), [nan, 1.5, 2.5, 3.5])
    assert _close(candidate([5.0, 7.0, 9.0], 3), [nan, nan, 7.0])
    assert _close(candidate([5.0, 7.0], 3), [nan, nan])
    assert _close(candidate([2.0, 4.0], 1), [2.0, 4.0])
    assert _close(candidate([], 3), [])
    assert _raises(candidate, ValueError, [1.0], 0)
