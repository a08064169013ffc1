def check(candidate):
    closes = [100, 102, 101, 104, 107, 105, 103, 100]
    closes += [98, 101, 103, 106, 108, 107, 110, 109]
    plan = {2: "buy", 5: "sell", 7: "sell", 10: "buy", 12: "buy", 14: "sell"}
    strat, fills, value = _bt_run(candidate(plan), closes, commission=0.001)
    assert [b for b, _, _, _, _ in fills] == [3, 6, 8, 11, 13, 15]
    # Commission 0.1% of each fill's notional: 4 - 0.101 - 0.105 = 3.794.
    expected = [
        {"open_bar": 3, "close_bar": 6, "side": "long", "pnl": 4.0, "net": 3.794},
        {"open_bar": 8, "close_bar": 11, "side": "short", "pnl": -3.0, "net": -3.203},
        {"open_bar": 13, "close_bar": 15, "side": "long", "pnl": 2.0, "net": 1.782},
    ]
    assert _close(strat.trades_log, expected)
    assert _close(value, 10_002.373)
    strat, fills, value = _bt_run(candidate({0: "buy", 3: "buy"}), closes)
    assert strat.trades_log == [] and strat.position.size == 2
