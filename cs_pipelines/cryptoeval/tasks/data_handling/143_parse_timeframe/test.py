def check(candidate):
    assert candidate("1m") == 60_000
    assert candidate("15m") == 900_000
    assert candidate("4h") == 14_400_000
    assert candidate("1d") == 86_400_000
    assert candidate("1w") == 604_800_000
    assert candidate("30s") == 30_000
    assert _raises(candidate, ValueError, "1M")
    assert _raises(candidate, ValueError, "h")
    assert _raises(candidate, ValueError, "1y")
