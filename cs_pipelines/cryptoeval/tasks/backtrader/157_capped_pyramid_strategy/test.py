def check(candidate):
    closes = [100, 101, 103, 104, 106, 107, 105, 106, 108]
    closes += [109, 111, 110, 112, 113, 114, 115, 116, 114]
    strat, fills, value = _bt_run(candidate(), closes)
    bars = [(b, s, q) for b, _, s, q, _ in fills]
    assert bars == [
        (2, "buy", 1), (3, "buy", 1), (4, "buy", 1), (7, "sell", 3),
        (8, "buy", 1), (9, "buy", 1), (10, "buy", 1), (12, "sell", 3),
        (13, "buy", 1), (14, "buy", 1), (15, "buy", 1),
    ]
    assert strat.position.size == 3
    assert _close(value, 10_017.0)
    strat, fills, value = _bt_run(candidate(stake=2, max_units=5), closes)
    bars = [(b, s, q) for b, _, s, q, _ in fills]
    assert bars == [
        (2, "buy", 2), (3, "buy", 2), (7, "sell", 4), (8, "buy", 2),
        (9, "buy", 2), (12, "sell", 4), (13, "buy", 2), (14, "buy", 2),
    ]
    assert strat.position.size == 4
    assert _close(value, 10_030.0)
