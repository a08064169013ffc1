def check(candidate):
    highs = [10, 12, 11, 13, 14]
    lows = [8, 9, 7, 10, 12]
    conv, base = candidate(highs, lows, 2, 3)
    assert _close(conv, [nan, 10.0, 9.5, 10.0, 12.0])
    assert _close(base, [nan, nan, 9.5, 10.0, 10.5])
    assert _close(candidate([5.0], [4.0], 1, 2), ([4.5], [nan]))
    assert _raises(candidate, ValueError, [1.0, 2.0], [1.0], 1, 1)
