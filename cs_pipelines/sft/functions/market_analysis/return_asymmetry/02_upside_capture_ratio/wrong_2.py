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
    if not any(b > 0 for b in benchmark):
        raise ValueError("benchmark has no up period")
    return sum(strategy) / sum(benchmark)
