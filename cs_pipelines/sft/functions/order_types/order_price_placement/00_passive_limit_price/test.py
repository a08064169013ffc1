def check(candidate):
    assert _close(candidate(99.0, 101.0, "buy", 200), 98.0)
    assert _close(candidate(99.0, 101.0, "buy", 50), 99.0)
    assert _close(candidate(99.0, 101.0, "sell", 300), 103.0)
    assert _close(candidate(99.0, 101.0, "sell", 50), 101.0)
    assert _raises(candidate, ValueError, 99.0, 101.0, "buy", -1)
    assert _raises(candidate, ValueError, 99.0, 101.0, "hold", 10)
