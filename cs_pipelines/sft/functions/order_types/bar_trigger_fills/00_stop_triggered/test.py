def check(candidate):
    assert candidate("buy", 105.0, 106.0, 100.0) is True
    assert candidate("buy", 105.0, 104.9, 100.0) is False
    assert candidate("buy", 105.0, 105.0, 100.0) is True
    assert candidate("sell", 95.0, 110.0, 95.0) is True
    assert candidate("sell", 95.0, 110.0, 96.0) is False
    assert _raises(candidate, ValueError, "long", 95.0, 110.0, 96.0)
