def upside_capture_ratio(strategy: list[float], benchmark: list[float]) -> float:
    """How much of the benchmark's up periods a strategy captures.

    Keep the periods in which the benchmark return is strictly positive; the
    ratio is the arithmetic mean of the strategy's returns in those periods over
    the arithmetic mean of the benchmark's returns in the same periods (1.0 means
    it moved one for one). Raise ``ValueError`` if the two lists differ in length
    or the benchmark never rises.

    >>> strat = [0.02, -0.01, 0.03, 0.01]
    >>> round(upside_capture_ratio(strat, [0.01, -0.02, 0.02, 0.0]), 6)
    1.666667
    """
    if len(strategy) != len(benchmark):
        raise ValueError("strategy and benchmark lengths differ")
    pairs = [(s, b) for s, b in zip(strategy, benchmark) if b >= 0]
    if not pairs:
        raise ValueError("benchmark has no up period")
    strat_up = sum(s for s, _ in pairs) / len(pairs)
    bench_up = sum(b for _, b in pairs) / len(pairs)
    return strat_up / bench_up
