def check(candidate):
    closes = [100, 104, 98, 95, 102, 97, 93, 96, 101, 105]
    closes += [99, 94, 90, 92, 97, 103, 108, 104, 110, 107]
    strat, fills, value = _bt_run(candidate(250.0, 5), closes)
    bars = [(b, d, s) for b, d, s, _, _ in fills]
    assert bars == [(1, 0, "buy"), (6, 0, "buy"), (11, 0, "buy"), (16, 0, "buy")]
    sizes = [250.0 / closes[i] for i in (0, 5, 10, 15)]
    assert _close([f[3] for f in fills], sizes)
    assert _close(strat.position.size, sum(sizes))
    assert _close(value, 9_000.0 + 107 * sum(sizes))
    strat, fills, value = _bt_run(candidate(1_000.0, 1), closes[:4], cash=5_000.0)
    assert [b for b, _, _, _, _ in fills] == [1, 2, 3]
    assert _close(value, 2_000.0 + 1_000.0 * 95 * (1 / 100 + 1 / 104 + 1 / 98))
