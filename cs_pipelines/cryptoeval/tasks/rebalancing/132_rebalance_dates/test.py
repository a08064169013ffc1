def check(candidate):
    day = 86_400_000
    assert candidate(1, 5 * day, 2) == [day, 3 * day, 5 * day]
    assert candidate(0, 5 * day, 2) == [0, 2 * day, 4 * day]
    assert candidate(0, 6 * day, 7) == [0]
    assert candidate(day + 5, day + 10, 1) == []
