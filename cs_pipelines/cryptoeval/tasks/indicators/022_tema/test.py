def check(candidate):
    assert _close(candidate([1.0, 2.0, 3.0], 3), [1.0, 1.875, 2.9375])
    assert _close(candidate([5.0, 5.0, 5.0, 5.0], 7), [5.0] * 4)
    assert _close(candidate([], 3), [])
