def check(candidate):
    p = [100, 101, 99, 100, 150, 100, 101]
    assert candidate(p, 3, 0.1) == [4]
    assert candidate(p, 2, 0.1) == [4, 5, 6]
    assert candidate([100, 100], 3, 0.1) == []
