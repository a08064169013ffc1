def max_drawdown(equity: list[float]) -> float:
    """Maximum peak-to-trough drawdown of an equity curve, as a positive fraction.

    For every point, drawdown is ``(running_peak - value) / running_peak`` where the
    running peak includes the current point; return the largest (0.0 for an empty or
    never-falling curve).

    >>> round(max_drawdown([100.0, 120.0, 90.0, 110.0, 80.0, 130.0]), 6)
    0.333333
    """
    if not equity:
        return 0.0
    return (max(equity) - min(equity)) / max(equity)
