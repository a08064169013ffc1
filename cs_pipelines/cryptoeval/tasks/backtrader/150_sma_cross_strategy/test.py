def check(candidate):
    closes = [100, 102, 104, 107, 109, 108, 105, 103, 100, 98, 97, 99]
    closes += [102, 105, 108, 111, 110, 107, 104, 101, 99, 100, 103, 106]
    strat, fills, value = _bt_run(candidate(), closes)
    # Cross up on bar 13, cross down on bar 18: fills one bar later at the open.
    assert _close(fills, [(14, 0, "buy", 1, 105.0), (19, 0, "sell", 1, 104.0)])
    assert strat.position.size == 0
    assert _close(value, 9999.0)
    strat, fills, value = _bt_run(candidate(fast=2, slow=4), closes)
    expected = [(13, 0, "buy", 1, 102.0), (18, 0, "sell", 1, 107.0)]
    assert _close(fills, [*expected, (23, 0, "buy", 1, 103.0)])
    assert strat.position.size == 1
    assert _close(value, 10008.0)
