def check(candidate):
    assert candidate([1.0, -1.0, -2.0, 0.0, -1.0, -1.0, -1.0, 3.0]) == 3
    assert candidate([5.0, -1.0, -1.0, -1.0, -1.0]) == 4
    assert candidate([2.0, 0.0, 3.0]) == 0
    assert candidate([]) == 0
