def check(candidate):
    assert _close(candidate([1.0, 2.0, 3.0], 3), [nan, nan, 1.0])
    assert _close(candidate([5.0, 5.0, 5.0, 8.0], 2), [nan, nan, nan, math.sqrt(0.5)])
    assert _raises(candidate, ValueError, [1.0, 2.0], 1)
