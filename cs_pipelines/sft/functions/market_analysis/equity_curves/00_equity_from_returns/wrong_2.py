def equity_from_returns(returns: list[float], start: float = 1.0) -> list[float]:
    """Equity curve obtained by compounding periodic simple returns.

    The curve begins with ``start`` and then holds
    ``start * (1 + r_1) * ... * (1 + r_k)`` after each period, so it has
    ``len(returns) + 1`` points. Raise ``ValueError`` if ``start <= 0`` or any
    return is below -1 (a loss larger than the whole account).

    >>> [round(v, 6) for v in equity_from_returns([0.1, -0.5, 0.2], 100.0)]
    [100.0, 110.0, 55.0, 66.0]
    """
    if start <= 0:
        raise ValueError("start equity must be positive")
    curve = []
    value = start
    for r in returns:
        if r < -1.0:
            raise ValueError("a return cannot lose more than 100%")
        value *= 1.0 + r
        curve.append(value)
    return curve
