def check(candidate):
    assert _close(candidate([100.0, 120.0, 90.0, 130.0, 117.0]), 17 / 30)
    assert _close(candidate([100.0, 80.0, 90.0]), -0.5)
    assert candidate([100.0, 110.0, 120.0]) == math.inf
    assert _close(candidate([100.0, 100.0]), 0.0)
    assert _raises(candidate, ValueError, [100.0])
