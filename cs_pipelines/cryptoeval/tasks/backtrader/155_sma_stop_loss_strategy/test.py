def check(candidate):
    closes = [100, 99, 98, 97, 99, 101, 103, 104, 102, 100, 98]
    closes += [97, 96, 99, 102, 105, 108, 110, 107, 103, 101, 104]
    strat, fills, value = _bt_run(candidate(), closes)
    # Entry on bar 4 (99 > SMA 98.6), fill at 99; the stop at 94.05 is never hit.
    assert _close(fills, [(5, 0, "buy", 1, 99.0)])
    assert strat.position.size == 1
    strat, fills, value = _bt_run(candidate(period=3, stop_pct=0.03), closes)
    # Stop at 99 * 0.97 = 96.03 is hit on bar 12 (close 96); re-entry on bar 13.
    expected = [
        (5, 0, "buy", 1, 99.0),
        (12, 0, "sell", 1, 96.03),
        (14, 0, "buy", 1, 99.0),
    ]
    assert _close(fills, expected)
    assert strat.position.size == 1
    assert _close(value, 10_000.0 - 2.97 + 5.0)
