def check(candidate):
    entries = [False, True, True, False, False, True, False]
    exits = [True, False, False, True, True, True, False]
    assert candidate(entries, exits) == [0, 1, 1, 0, 0, 1, 1]
    assert candidate([True, True], [False, True]) == [1, 0]
    assert candidate([], []) == []
    assert _raises(candidate, ValueError, [True], [])
