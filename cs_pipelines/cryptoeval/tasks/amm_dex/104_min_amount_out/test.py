def check(candidate):
    assert candidate(1_000_000, 50) == 995_000
    assert candidate(1001, 50) == 995
    assert candidate(10**24 + 1, 30) == (10**24 + 1) * 9970 // 10_000
