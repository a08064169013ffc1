def check(candidate):
    closes = [1.0, 2.0, 4.0, 7.0, 11.0, 16.0]
    assert _close(candidate(closes, 4), [nan, nan, nan, -2.5, -4.0, -5.5])
    assert _close(candidate([1.0, 2.0, 4.0, 7.0], 2), [nan, nan, -2.0, -3.5])
    assert _close(candidate([3.0, 3.0], 5), [nan, nan])
    assert _raises(candidate, ValueError, [1.0, 2.0, 3.0], 1)
