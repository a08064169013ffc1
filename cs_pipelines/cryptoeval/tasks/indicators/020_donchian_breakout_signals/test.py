def check(candidate):
    h = [10, 11, 12, 11, 9]
    l = [9, 9, 10, 10, 7]
    c = [9.5, 10.5, 11.5, 10.5, 7.5]
    assert candidate(h, l, c, 2) == [0, 0, 1, 0, -1]
    assert candidate(h, l, c, 5) == [0, 0, 0, 0, 0]
