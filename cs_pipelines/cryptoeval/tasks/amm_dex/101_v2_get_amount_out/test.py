def check(candidate):
    assert candidate(1000, 100_000, 100_000) == 987
    a, ri, ro = 10**18 + 12345, 5 * 10**24 + 7, 3 * 10**24 + 11
    assert candidate(a, ri, ro) == a * 997 * ro // (ri * 1000 + a * 997)
    assert candidate(1, 10**6, 10**6) == 0
    assert _raises(candidate, ValueError, 0, 10, 10)
