def check(candidate):
    fast = [nan, 1, 2, 3, 2, 1]
    slow = [nan, 2, 2, 2, 2, 2]
    assert candidate(fast, slow) == [0, 0, 0, 1, 0, -1]
    assert candidate([1.0, 3.0, 1.0], [2.0, 2.0, 2.0]) == [0, 1, -1]
    assert candidate([], []) == []
