def check(candidate):
    assert candidate(10, 0.3, 1) == ([0, 1, 2, 3, 4, 5, 6], [8, 9])
    assert candidate(10, 0.3, 0) == ([0, 1, 2, 3, 4, 5, 6], [7, 8, 9])
    assert candidate(5, 0.2, 3) == ([0, 1, 2, 3], [])
    assert candidate(10, 0.9, 0) == ([0], [1, 2, 3, 4, 5, 6, 7, 8, 9])
