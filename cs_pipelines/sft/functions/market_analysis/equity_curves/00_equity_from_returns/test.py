def check(candidate):
    assert _close(candidate([0.1, -0.5, 0.2], 100.0), [100.0, 110.0, 55.0, 66.0])
    assert _close(candidate([0.5, 0.5]), [1.0, 1.5, 2.25])
    assert _close(candidate([]), [1.0])
    assert _raises(candidate, ValueError, [0.1, -1.5])
