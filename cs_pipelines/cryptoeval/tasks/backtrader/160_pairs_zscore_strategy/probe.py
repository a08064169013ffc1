def probe(candidate):
    if isinstance(getattr(candidate, "__module__", None), str):
        sys.modules.setdefault(candidate.__module__, types.ModuleType(candidate.__module__))

    n = 60
    b = [40 + ((i * 5) % 7) - 0.1 * i for i in range(n)]
    r = [1.5 + 0.01 * ((i * 37) % 23 - 11) / 11 for i in range(n)]
    for i, bump in ((20, 0.05), (21, 0.04), (38, -0.05), (39, -0.045), (50, 0.035)):
        r[i] += bump
    a = [round(x * y, 2) for x, y in zip(r, b)]
    runs = []
    # With 6 ratios a sample-std z never exceeds 5 / 6**0.5 = 2.04, a population one 2.24.
    for kwargs in ({}, {"period": 6, "entry_z": 2.1, "exit_z": 0.3, "size": 2}):
        strat, fills, value = _bt_run(candidate(**kwargs), a, b)
        sizes = [strat.getposition(d).size for d in strat.datas]
        runs.append(_bt_summary(sorted(fills), value, sizes))
    return runs
