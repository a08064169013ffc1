def probe(candidate):
    if isinstance(getattr(candidate, "__module__", None), str):
        sys.modules.setdefault(candidate.__module__, types.ModuleType(candidate.__module__))

    wave = [abs((i + 4) % 12 - 6) for i in range(50)]
    closes = [100 + 1.2 * w - 0.12 * i + (i * 37 % 23) / 20 for i, w in enumerate(wave)]
    runs = []
    grids = (([92.0, 96.0, 100.0, 104.0, 108.0], 0.25), ([97.0, 100.0, 103.0, 106.0], 1.0))
    for levels, size in grids:
        strat, fills, value = _bt_run(candidate(levels, size), closes)
        runs.append(_bt_summary(fills, value, round(strat.position.size, 6)))
    return runs
