def check(candidate):
    closes = [102, 101, 98, 96, 94.5, 97, 99, 101, 100, 103, 106]
    closes += [104, 99, 96, 93, 89, 92, 95.5, 97, 99, 96]
    levels = [90.0, 95.0, 100.0, 105.0, 110.0]
    strat, fills, value = _bt_run(candidate(levels, 0.5), closes)
    expected = [
        (2, 0, "buy", 0.5, 100.0),
        (4, 0, "buy", 0.5, 95.0),
        (7, 0, "sell", 0.5, 100.0),
        (10, 0, "sell", 0.5, 105.0),
        (12, 0, "buy", 0.5, 100.0),
        (14, 0, "buy", 0.5, 95.0),
        (15, 0, "buy", 0.5, 90.0),
        (17, 0, "sell", 0.5, 95.0),
    ]
    assert _close(fills, expected)
    assert _close(strat.position.size, 1.0)
    assert _close(value, 10_006.0)
    strat, fills, value = _bt_run(candidate([94.0, 97.0, 100.0, 103.0], 2.0), closes)
    bars = [(b, s, p) for b, _, s, _, p in fills]
    expected = [
        (2, "buy", 100.0), (3, "buy", 97.0), (7, "sell", 100.0), (9, "sell", 103.0),
        (12, "buy", 100.0), (13, "buy", 97.0), (14, "buy", 94.0), (18, "sell", 97.0),
    ]
    assert _close(bars, expected)
    assert _close(value, 10_008.0)
