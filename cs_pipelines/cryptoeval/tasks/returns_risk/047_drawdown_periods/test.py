def check(candidate):
    assert candidate([100, 90, 95, 100, 99, 98, 97, 101]) == [(0, 1, 3), (3, 6, 7)]
    assert candidate([100, 120, 110, 90, 95]) == [(1, 3, None)]
    assert candidate([10, 8, 9, 8, 10]) == [(0, 1, 4)]
    assert candidate([1, 2, 3]) == []
    assert candidate([]) == []
