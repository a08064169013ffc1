def check(candidate):
    a = [99.0, 101.5, 104.03, 103.98, 106.53, 106.42, 97.0, 99.48, 99.5, 102.01]
    a += [101.97, 104.5, 94.94, 98.03, 101.36, 100.47, 100.0, 102.52, 90.55, 92.96]
    a += [93.06, 95.5, 97.97, 98.01, 85.36, 85.92, 89.64, 92.5, 93.53, 95.98]
    b = [50 + (i % 6) - 0.25 * i for i in range(len(a))]
    strat, fills, value = _bt_run(candidate(period=8), a, b)
    # z = 2.09 on bar 13 (A rich: short A, long B), |z| < 0.5 first on bar 17;
    # z = -2.20 on bar 24 (long A, short B), |z| < 0.5 on bar 26.
    expected = [
        (14, 0, "sell", 1, 98.03),
        (14, 1, "buy", 1, 47.75),
        (18, 0, "buy", 1, 102.52),
        (18, 1, "sell", 1, 50.75),
        (25, 0, "buy", 1, 85.36),
        (25, 1, "sell", 1, 44.0),
        (27, 0, "sell", 1, 89.64),
        (27, 1, "buy", 1, 45.5),
    ]
    assert _close(sorted(fills), sorted(expected))
    assert [strat.getposition(d).size for d in strat.datas] == [0, 0]
    assert _close(value, 10_001.29)
    strat, fills, value = _bt_run(candidate(8, entry_z=2.1, size=3), a, b)
    expected = [
        (25, 0, "buy", 3, 85.36),
        (25, 1, "sell", 3, 44.0),
        (27, 0, "sell", 3, 89.64),
        (27, 1, "buy", 3, 45.5),
    ]
    assert _close(sorted(fills), sorted(expected))
