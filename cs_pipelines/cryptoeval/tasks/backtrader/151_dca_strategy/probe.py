def probe(candidate):
    if isinstance(getattr(candidate, "__module__", None), str):
        sys.modules.setdefault(candidate.__module__, types.ModuleType(candidate.__module__))

    closes = [100 + ((i * 37) % 23) * 0.9 - 0.3 * i for i in range(31)]
    runs = []
    for amount, every in ((300.0, 4), (75.0, 3)):
        strat, fills, value = _bt_run(candidate(amount, every), closes)
        runs.append(_bt_summary(fills, value, round(strat.position.size, 6)))
    return runs
