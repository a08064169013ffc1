def check(candidate):
    closes = [100, 99, 98, 97, 99, 101, 103, 104, 102, 100, 98]
    closes += [97, 96, 99, 102, 105, 108, 110, 107, 103, 101, 104]
    strat, fills, value = _bt_run(candidate(), closes)
    # The stop trails the closes: 104 * 0.95 = 98.8 is hit on bar 10, then
    # 110 * 0.95 = 104.5 on bar 19.
    expected = [
        (5, 0, "buy", 1, 99.0),
        (10, 0, "sell", 1, 98.8),
        (14, 0, "buy", 1, 99.0),
        (19, 0, "sell", 1, 104.5),
    ]
    assert _close(fills, expected)
    assert strat.position.size == 0
    assert _close(value, 10_005.3)
    strat, fills, value = _bt_run(candidate(period=3, trail=0.03), closes)
    expected = [
        (5, 0, "buy", 1, 99.0),
        (9, 0, "sell", 1, 100.88),
        (14, 0, "buy", 1, 99.0),
        (19, 0, "sell", 1, 106.7),
    ]
    assert _close(fills, expected)
    assert _close(value, 10_009.58)
