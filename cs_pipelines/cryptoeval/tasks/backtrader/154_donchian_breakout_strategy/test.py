def check(candidate):
    closes = [100, 101, 99, 102, 98, 100, 103, 105, 104, 106, 103, 101]
    closes += [102, 99, 97, 98, 100, 96, 101, 104, 107, 106, 103, 105]
    strat, fills, value = _bt_run(candidate(), closes)
    # Bar 6: 103 > max(101, 99, 102, 98, 100); bar 10: 103 < min(105, 104, 106).
    expected = [
        (7, 0, "buy", 1, 103.0),
        (11, 0, "sell", 1, 103.0),
        (19, 0, "buy", 1, 101.0),
        (23, 0, "sell", 1, 103.0),
    ]
    assert _close(fills, expected)
    assert strat.position.size == 0
    assert _close(value, 10_002.0)
    strat, fills, value = _bt_run(candidate(entry_period=3, exit_period=2), closes)
    bars = [(b, s) for b, _, s, _, _ in fills]
    assert bars == [
        (4, "buy"), (5, "sell"), (7, "buy"), (11, "sell"),
        (17, "buy"), (18, "sell"), (19, "buy"), (23, "sell"),
    ]
    assert _close(value, 9_994.0)
