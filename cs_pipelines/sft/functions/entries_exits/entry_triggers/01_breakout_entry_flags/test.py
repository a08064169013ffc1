def check(candidate):
    highs = [10, 11, 10, 12, 14, 14, 12, 15]
    closes = [9, 10.5, 9.5, 11.5, 13.5, 13, 11, 14.5]
    want = [False, False, False, True, False, False, False, True]
    assert candidate(highs, closes, 2) == want
    assert candidate([10, 10, 10], [9, 9, 10], 2) == [False, False, False]
    assert candidate([10, 11], [9, 10.5], 5) == [False, False]
    assert _raises(candidate, ValueError, [1.0, 2.0], [1.0, 2.0], 0)
