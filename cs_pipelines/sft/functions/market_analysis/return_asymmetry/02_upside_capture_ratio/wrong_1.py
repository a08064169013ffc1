def upside_capture_ratio(strategy: list[float], benchmark: list[float]) -> float:
    if len(strategy) != len(benchmark):
        raise ValueError("strategy and benchmark lengths differ")
    pairs = [(s, b) for s, b in zip(strategy, benchmark) if b >= 0]
    if not pairs:
        raise ValueError("benchmark has no up period")
    strat_up = sum(s for s, _ in pairs) / len(pairs)
    bench_up = sum(b for _, b in pairs) / len(pairs)
    return strat_up / bench_up
