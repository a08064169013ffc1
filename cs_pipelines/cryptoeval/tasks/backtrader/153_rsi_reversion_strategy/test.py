def check(candidate):
    closes = [100, 98, 101, 99, 96, 93, 91, 94, 97, 101, 104, 103, 106]
    closes += [102, 98, 95, 92, 90, 93, 96, 99, 102, 105, 103, 100, 97]
    strat, fills, value = _bt_run(candidate(period=3), closes)
    # RSI(3): 26.1 on bar 4, 79.7 on bar 9, 28.9 on bar 14, 74.9 on bar 20.
    expected = [
        (5, 0, "buy", 1, 96.0),
        (10, 0, "sell", 1, 101.0),
        (15, 0, "buy", 1, 98.0),
        (21, 0, "sell", 1, 99.0),
    ]
    assert _close(fills, expected)
    assert strat.position.size == 0
    assert _close(value, 10_006.0)
    strat, fills, value = _bt_run(candidate(3, lower=20.0, upper=85.0), closes)
    expected = [
        (6, 0, "buy", 1, 93.0),
        (11, 0, "sell", 1, 104.0),
        (16, 0, "buy", 1, 95.0),
        (23, 0, "sell", 1, 105.0),
    ]
    assert _close(fills, expected)
    assert _close(value, 10_021.0)
