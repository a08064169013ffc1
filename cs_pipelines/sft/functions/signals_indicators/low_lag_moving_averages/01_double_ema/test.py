def check(candidate):
    assert _close(candidate([1.0, 2.0, 3.0], 3), [1.0, 1.75, 2.75])
    assert _close(candidate([0.0, 8.0, 8.0], 3), [0.0, 6.0, 8.0])
    assert _close(candidate([10.0, 20.0, 5.0], 1), [10.0, 20.0, 5.0])
    assert _close(candidate([], 4), [])
    assert _raises(candidate, ValueError, [1.0], 0)
