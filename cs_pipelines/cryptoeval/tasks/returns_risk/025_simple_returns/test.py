def check(candidate):
    assert _close(candidate([100.0, 110.0, 99.0]), [0.1, -0.1])
    assert _close(candidate([50.0, 25.0]), [-0.5])
    assert _close(candidate([50.0]), [])
