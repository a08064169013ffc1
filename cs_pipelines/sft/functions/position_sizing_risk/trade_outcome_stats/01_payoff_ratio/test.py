def check(candidate):
    assert _close(candidate([40.0, 20.0, -10.0, -20.0, -30.0]), 1.5)
    assert _close(candidate([40.0, 20.0, 0.0, -10.0, -20.0, -30.0]), 1.5)
    assert candidate([5.0, 5.0]) == math.inf
    assert _close(candidate([-3.0, 0.0]), 0.0)
    assert _close(candidate([]), 0.0)
