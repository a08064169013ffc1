def probe(candidate):
    if isinstance(getattr(candidate, "__module__", None), str):
        sys.modules.setdefault(candidate.__module__, types.ModuleType(candidate.__module__))

    closes = [100 + ((i * 37) % 23) * 0.9 - 0.2 * i + 6 * (i // 10 % 2) for i in range(60)]
    runs = []
    for kwargs in ({"period": 4, "lower": 35.0, "upper": 65.0}, {}):
        strat, fills, value = _bt_run(candidate(**kwargs), closes)
        runs.append(_bt_summary(fills, value, strat.position.size))
    return runs
