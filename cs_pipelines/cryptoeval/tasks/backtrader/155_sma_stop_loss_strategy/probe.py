def probe(candidate):
    if isinstance(getattr(candidate, "__module__", None), str):
        sys.modules.setdefault(candidate.__module__, types.ModuleType(candidate.__module__))

    closes = [100 + ((i * 37) % 23) * 0.5 - 4 * ((i // 8) % 3) for i in range(50)]
    runs = []
    for kwargs in ({}, {"period": 3, "stop_pct": 0.02}):
        strat, fills, value = _bt_run(candidate(**kwargs), closes)
        runs.append(_bt_summary(fills, value, strat.position.size))
    return runs
