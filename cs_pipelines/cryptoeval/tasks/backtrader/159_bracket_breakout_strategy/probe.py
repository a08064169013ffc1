def probe(candidate):
    if isinstance(getattr(candidate, "__module__", None), str):
        sys.modules.setdefault(candidate.__module__, types.ModuleType(candidate.__module__))

    wave = [abs(i % 10 - 5) for i in range(60)]
    closes = [100 + 0.35 * i + 2.5 * w + (i * 37 % 23) / 23 for i, w in enumerate(wave)]
    runs = []
    for args in ((), (3, 0.02, 0.015)):
        strat, fills, value = _bt_run(candidate(*args), closes)
        runs.append(_bt_summary(fills, value, strat.position.size))
    return runs
