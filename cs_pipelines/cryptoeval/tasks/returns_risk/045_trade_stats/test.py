def check(candidate):
    assert _close(candidate([10.0, -5.0, 0.0, 20.0]), (0.5, 6.0))
    assert _close(candidate([1.0, 2.0]), (1.0, math.inf))
    assert _close(candidate([]), (nan, nan))
    assert _close(candidate([-1.0, -3.0, 2.0]), (1 / 3, 0.5))
