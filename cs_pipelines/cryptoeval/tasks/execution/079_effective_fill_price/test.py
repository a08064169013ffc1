def check(candidate):
    assert _close(candidate([(100.0, 1.0), (102.0, 1.0)], 0.001, "buy"), 101.101)
    assert _close(candidate([(100.0, 3.0), (104.0, 1.0)], 0.001, "sell"), 101.0 * 0.999)
