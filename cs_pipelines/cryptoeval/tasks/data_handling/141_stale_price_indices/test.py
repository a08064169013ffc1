def check(candidate):
    assert candidate([1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0], 2) == [2, 5, 6]
    assert candidate([1.0, 2.0, 1.0, 2.0], 1) == []
    assert candidate([3.0, 3.0], 1) == [1]
    assert candidate([], 3) == []
