def check(candidate):
    entries = [False, True, True, False, False, False, True, False]
    assert candidate(entries, 3) == [0, 1, 1, 1, 0, 0, 1, 1]
    assert candidate([True, False, True], 2) == [1, 1, 1]
    assert candidate([True, False, True, True], 1) == [1, 0, 1, 1]
    assert candidate([], 4) == []
    assert _raises(candidate, ValueError, [True], 0)
