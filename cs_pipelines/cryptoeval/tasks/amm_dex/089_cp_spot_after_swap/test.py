def check(candidate):
    assert _close(candidate(1000.0, 1000.0, 100.0, 0.0), 1_000_000.0 / 1100.0**2)
    a = 99.7
    out = 1000.0 * a / 1099.7
    assert _close(candidate(1000.0, 1000.0, 100.0), (1000.0 - out) / 1100.0)
