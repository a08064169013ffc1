def check(candidate):
    assert candidate([100, 90, 95, 100, 99, 98, 97, 101]) == 3
    assert candidate([5, 4, 3, 2]) == 3
    assert candidate([1, 2, 3]) == 0
    assert candidate([]) == 0
    assert candidate([10, 9, 10, 9, 8, 11]) == 2
