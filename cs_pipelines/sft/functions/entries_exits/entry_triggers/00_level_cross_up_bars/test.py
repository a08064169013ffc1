def check(candidate):
    assert candidate([9, 11, 10, 10, 12, 8, 13], 10) == [1, 4, 6]
    assert candidate([12.0, 13.0, 14.0], 10.0) == []
    assert candidate([10.0, 10.0, 9.0], 10.0) == []
    assert candidate([], 1.0) == []
