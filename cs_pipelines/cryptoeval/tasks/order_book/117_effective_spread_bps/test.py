def check(candidate):
    assert _close(candidate(100.05, 100.0, "buy"), 10.0)
    assert _close(candidate(99.9, 100.0, "sell"), 20.0)
    assert _close(candidate(100.1, 100.0, "sell"), -20.0)
