def probe(candidate):
    if isinstance(getattr(candidate, "__module__", None), str):
        sys.modules.setdefault(candidate.__module__, types.ModuleType(candidate.__module__))

    closes = [100 + 1.1 * i - 8.0 * (i // 7) + (i * 37 % 23) / 50 for i in range(40)]
    runs = []
    for args in ((), (2, 7)):
        strat, fills, value = _bt_run(candidate(*args), closes)
        runs.append(_bt_summary(fills, value, strat.position.size))
    return runs
