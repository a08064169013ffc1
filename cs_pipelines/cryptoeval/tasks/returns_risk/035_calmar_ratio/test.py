def check(candidate):
    assert _close(candidate([100.0, 80.0, 121.0], periods_per_year=2), 1.05)
    eq = [100.0] + [90.0] * 364 + [110.0]
    assert _close(candidate(eq), 1.0)
    assert candidate([1.0, 2.0, 3.0]) == math.inf
