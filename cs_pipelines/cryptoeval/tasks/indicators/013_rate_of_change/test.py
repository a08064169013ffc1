def check(candidate):
    assert _close(candidate([100.0, 110.0, 121.0], 1), [nan, 10.0, 10.0])
    assert _close(candidate([100.0, 110.0, 50.0], 2), [nan, nan, -50.0])
