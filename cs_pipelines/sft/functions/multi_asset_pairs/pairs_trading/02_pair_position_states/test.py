def check(candidate):
    zs = [0.5, 2.1, 1.5, 0.4, -2.5, -1.0, -0.3, nan, 3.0]
    assert candidate(zs, 2.0, 0.5) == [0, -1, -1, 0, 1, 1, 0, 0, -1]
    assert candidate([2.0, 0.5, -2.0, -0.5], 2.0, 0.5) == [-1, 0, 1, 0]
    assert candidate([], 2.0, 0.5) == []
    assert _raises(candidate, ValueError, [0.0], 1.0, 1.0)
