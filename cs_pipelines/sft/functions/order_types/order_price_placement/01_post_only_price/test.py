def check(candidate):
    assert _close(candidate("buy", 101.0, 100.0, 100.5, 0.1), 100.4)
    assert _close(candidate("buy", 100.5, 100.0, 100.5, 0.1), 100.4)
    assert _close(candidate("buy", 100.2, 100.0, 100.5, 0.1), 100.2)
    assert _close(candidate("sell", 100.0, 100.0, 100.5, 0.1), 100.1)
    assert _close(candidate("sell", 100.3, 100.0, 100.5, 0.1), 100.3)
    assert _raises(candidate, ValueError, "buy", 100.0, 99.0, 101.0, 0.0)
