def upside_capture_ratio(strategy: list[float], benchmark: list[float]) -> float:
    if len(strategy) != len(benchmark):
        raise ValueError("strategy and benchmark lengths differ")
    if not any(b > 0 for b in benchmark):
        raise ValueError("benchmark has no up period")
    return sum(strategy) / sum(benchmark)
