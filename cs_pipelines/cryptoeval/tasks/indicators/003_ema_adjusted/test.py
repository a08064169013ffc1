def check(candidate):
    assert _close(candidate([1.0, 2.0, 3.0], 3), [1.0, 5.0 / 3, 4.25 / 1.75])
    assert _close(candidate([7.0], 4), [7.0])
    assert _close(candidate([0.0, 10.0], 1), [0.0, 10.0])
