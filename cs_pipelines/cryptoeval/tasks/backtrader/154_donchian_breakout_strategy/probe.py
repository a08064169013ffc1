def probe(candidate):
    if isinstance(getattr(candidate, "__module__", None), str):
        sys.modules.setdefault(candidate.__module__, types.ModuleType(candidate.__module__))

    closes = [100 + ((i * 37) % 23) * 0.6 + 5 * ((i // 12) % 3) for i in range(60)]
    runs = []
    for args in ((), (4, 2)):
        strat, fills, value = _bt_run(candidate(*args), closes)
        runs.append(_bt_summary(fills, value, strat.position.size))
    return runs
