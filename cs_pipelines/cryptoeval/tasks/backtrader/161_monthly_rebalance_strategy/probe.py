def probe(candidate):
    if isinstance(getattr(candidate, "__module__", None), str):
        sys.modules.setdefault(candidate.__module__, types.ModuleType(candidate.__module__))

    def path(start, slopes):
        out, p = [], start
        for i in range(130):
            p += slopes[min(i // 25, len(slopes) - 1)] + 0.11 * ((i * 5) % 7 - 3)
            out.append(round(p, 2))
        return out

    a = path(80.0, [0.3, -0.2, 0.4, -0.3, 0.1, 0.2])
    b = path(40.0, [-0.1, 0.3, -0.2, 0.2, 0.1, -0.1])
    c = path(20.0, [0.05, 0.1, -0.05, 0.08, -0.1, 0.05])
    runs = []
    for series, args in (((a, b), ()), ((a, b, c), ((0.5, 0.3, 0.2),))):
        strat, fills, value = _bt_run(candidate(*args), *series)
        sizes = [strat.getposition(d).size for d in strat.datas]
        runs.append(_bt_summary(fills, value, sizes))
    return runs
