def check(candidate):
    assert _close(candidate(100.07, 0.05, "buy"), 100.05)
    assert _close(candidate(100.07, 0.05, "sell"), 100.1)
    assert _close(candidate(0.3, 0.1, "buy"), 0.3)
    assert _close(candidate(0.1 + 0.2, 0.1, "sell"), 0.3)
    assert _close(candidate(100.03, 0.05, "sell"), 100.05)
    assert _close(candidate(100.03, 0.05, "buy"), 100.0)
