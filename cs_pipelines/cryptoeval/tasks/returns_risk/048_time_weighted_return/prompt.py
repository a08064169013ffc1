def time_weighted_return(values: list[float], flows: list[float]) -> float:
    """Time-weighted return of an account with deposits and withdrawals.

    ``values[i]`` is the account value at the end of period ``i`` *including*
    ``flows[i]``, the external cash flow that arrived just before that valuation
    (deposit > 0, withdrawal < 0; ``flows[0]`` is ignored). Period returns are
    ``(values[i] - flows[i]) / values[i - 1] - 1``; chain them geometrically so flows do
    not count as performance.

    >>> round(time_weighted_return([100.0, 220.0, 231.0], [0.0, 100.0, 0.0]), 6)
    0.26
    """
