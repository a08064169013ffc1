def check(candidate):
    closes = [10.0, 11.0, 13.0, 12.0, 15.0]
    assert _close(candidate(closes, 2), [nan, nan, 3.0, 1.0, 2.0])
    assert _close(candidate(closes, 1), [nan, 1.0, 2.0, -1.0, 3.0])
    assert _close(candidate([10.0, 11.0], 3), [nan, nan])
    assert _raises(candidate, ValueError, [1.0, 2.0], 0)
