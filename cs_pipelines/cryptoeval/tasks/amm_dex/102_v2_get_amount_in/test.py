def check(candidate):
    assert candidate(987, 100_000, 100_000) == 1000
    ri, ro, out = 5 * 10**24, 3 * 10**24, 10**21
    a = candidate(out, ri, ro)
    assert a * 997 * ro // (ri * 1000 + a * 997) >= out
    assert (a - 1) * 997 * ro // (ri * 1000 + (a - 1) * 997) < out
    assert _raises(candidate, ValueError, 10, 5, 10)
