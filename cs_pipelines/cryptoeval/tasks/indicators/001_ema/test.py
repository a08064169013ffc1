def check(candidate):
    assert _close(candidate([1.0, 2.0, 3.0], 3), [1.0, 1.5, 2.25])
    assert _close(candidate([10.0, 13.0, 10.0], 2), [10.0, 12.0, 32.0 / 3])
    assert _close(candidate([4.0, 4.0, 4.0], 10), [4.0, 4.0, 4.0])
    assert _close(candidate([], 5), [])
