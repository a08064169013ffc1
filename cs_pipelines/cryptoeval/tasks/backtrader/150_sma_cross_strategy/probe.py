def probe(candidate):
    if isinstance(getattr(candidate, "__module__", None), str):
        sys.modules.setdefault(candidate.__module__, types.ModuleType(candidate.__module__))

    closes = [100 + ((i * 37) % 23) * 0.7 + 0.4 * i for i in range(60)]
    runs = []
    for kwargs in ({}, {"fast": 4, "slow": 9}):
        strat, fills, value = _bt_run(candidate(**kwargs), closes)
        runs.append(_bt_summary(fills, value, strat.position.size))
    return runs
