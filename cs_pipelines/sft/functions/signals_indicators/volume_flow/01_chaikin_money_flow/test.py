def check(candidate):
    h, lo, c, v = [10, 12, 11], [8, 10, 9], [9.5, 10, 11], [100, 200, 50]
    assert _close(candidate(h, lo, c, v, 2), [nan, -0.5, -0.6])
    assert _close(candidate(h, lo, c, v, 1), [0.5, -1.0, 1.0])
    assert _close(candidate([2, 2], [1, 1], [2, 1], [0, 0], 2), [nan, 0.0])
    assert _raises(candidate, ValueError, h, lo, c, v, 0)
