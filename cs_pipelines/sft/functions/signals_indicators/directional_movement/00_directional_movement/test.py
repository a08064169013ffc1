def check(candidate):
    plus, minus = candidate([10, 12, 11, 11, 14], [8, 9, 6, 7, 9])
    assert _close(plus, [nan, 2.0, 0.0, 0.0, 3.0])
    assert _close(minus, [nan, 0.0, 3.0, 0.0, 0.0])
    assert _close(candidate([10, 12], [8, 7]), ([nan, 2.0], [nan, 0.0]))
    assert _close(candidate([10, 12], [8, 6]), ([nan, 0.0], [nan, 0.0]))
    assert _raises(candidate, ValueError, [1.0, 2.0], [1.0])
