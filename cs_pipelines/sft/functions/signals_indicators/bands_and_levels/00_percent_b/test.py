def check(candidate):
    closes = [1.0, 3.0, 5.0, 3.0]
    expected = [nan, nan, 0.5 + math.sqrt(3 / 8), 0.5 - 1 / (2 * math.sqrt(2))]
    assert _close(candidate(closes, 3, 1.0), expected)
    assert _close(candidate(closes, 3)[2], 0.5 + 0.5 * math.sqrt(3 / 8))
    assert _close(candidate([2.0, 2.0, 2.0], 2), [nan, 0.5, 0.5])
    assert _raises(candidate, ValueError, [1.0, 2.0], 0)
