def check(candidate):
    assert _close(candidate([10.0, 20.0, 30.0], [1.0, 3.0, 0.0], 2), [nan, 17.5, 20.0])
    assert _close(candidate([10.0, 20.0], [0.0, 0.0], 2), [nan, nan])
