def check(candidate):
    assert _close(candidate("buy", 105.0, 103.0, 107.0, 102.0), 105.0)
    assert _close(candidate("buy", 105.0, 108.0, 110.0, 107.0), 108.0)
    assert candidate("buy", 105.0, 103.0, 104.0, 101.0) is None
    assert _close(candidate("sell", 95.0, 97.0, 99.0, 94.0, 10.0), 94.905)
    assert _close(candidate("sell", 95.0, 93.0, 94.0, 90.0), 93.0)
    assert candidate("sell", 95.0, 97.0, 99.0, 95.5) is None
