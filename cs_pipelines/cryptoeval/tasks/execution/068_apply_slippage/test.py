def check(candidate):
    assert _close(candidate(20_000.0, "buy", 5), 20_010.0)
    assert _close(candidate(20_000.0, "sell", 5), 19_990.0)
    assert _close(candidate(1.5, "sell", 0), 1.5)
