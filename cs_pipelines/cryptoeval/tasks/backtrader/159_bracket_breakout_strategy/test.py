def check(candidate):
    closes = [100, 101, 100, 102, 101, 103, 104, 106, 108, 107, 105]
    closes += [106, 109, 110, 108, 107, 105, 103, 104, 102, 100]
    strat, fills, value = _bt_run(candidate(), closes)
    # Entries at 103 (take-profit 107.12 hit on bar 8), at 108 (stop 105.84 hit on
    # bar 10) and at 109 (stop 106.82 hit on bar 16); the other exit is cancelled.
    expected = [
        (6, 0, "buy", 1, 103.0),
        (8, 0, "sell", 1, 107.12),
        (9, 0, "buy", 1, 108.0),
        (10, 0, "sell", 1, 105.84),
        (13, 0, "buy", 1, 109.0),
        (16, 0, "sell", 1, 106.82),
    ]
    assert _close(fills, expected)
    assert strat.position.size == 0
    assert _close(value, 9_999.78)
    strat, fills, value = _bt_run(candidate(3, take_pct=0.03, stop_pct=0.03), closes)
    expected = [
        (4, 0, "buy", 1, 102.0),
        (7, 0, "sell", 1, 105.06),
        (8, 0, "buy", 1, 106.0),
        (13, 0, "sell", 1, 109.18),
        (14, 0, "buy", 1, 110.0),
        (16, 0, "sell", 1, 106.7),
    ]
    assert _close(fills, expected)
    assert strat.position.size == 0
    assert _close(value, 10_002.94)
