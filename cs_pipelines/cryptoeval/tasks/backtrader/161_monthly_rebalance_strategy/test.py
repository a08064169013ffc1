def _bt_path(start, slopes, n=100):
    out, p = [], start
    for i in range(n):
        p += slopes[min(i // 30, len(slopes) - 1)] + 0.13 * ((i * 7) % 5 - 2)
        out.append(round(p, 2))
    return out


def check(candidate):
    a = _bt_path(100.0, [-0.4, 0.3, 0.5, -0.2])
    b = _bt_path(50.0, [0.6, -0.3, 0.1, 0.4])
    strat, fills, value = _bt_run(candidate(), a, b)
    # Rebalances on bars 0, 31 (Feb 1), 60 (Mar 1) and 91 (Apr 1), filled one bar
    # later; on Feb 1 the sale of B must come before the purchase of A.
    expected = [
        (1, 0, "buy", 60, 99.34),
        (1, 1, "buy", 79, 50.34),
        (32, 1, "sell", 16, 67.14),
        (32, 0, "buy", 12, 88.34),
        (61, 0, "sell", 6, 97.24),
        (61, 1, "buy", 10, 58.84),
        (92, 0, "sell", 2, 111.34),
        (92, 1, "buy", 3, 62.54),
    ]
    assert _close(fills, expected)
    assert [strat.getposition(d).size for d in strat.datas] == [64, 76]
    assert _close(value, 12_163.0)
    strat, fills, value = _bt_run(candidate((0.3, 0.5)), a[:40], b[:40])
    expected = [
        (1, 0, "buy", 30, 99.34),
        (1, 1, "buy", 99, 50.34),
        (32, 1, "sell", 15, 67.14),
        (32, 0, "buy", 8, 88.34),
    ]
    assert _close(fills, expected)
