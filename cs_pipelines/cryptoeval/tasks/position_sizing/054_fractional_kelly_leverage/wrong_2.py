def fractional_kelly_leverage(
    mean_excess_return: float,
    variance: float,
    fraction: float = 0.5,
    max_leverage: float = 3.0,
) -> float:
    """Continuous-time Kelly leverage ``mu / sigma**2`` scaled by ``fraction``.

    ``mean_excess_return`` and ``variance`` are per period (same units). The result is
    clipped to ``[-max_leverage, max_leverage]``. Raise ``ValueError`` if
    ``variance <= 0``.

    >>> round(fractional_kelly_leverage(0.001, 0.0004), 6)
    1.25
    """
    if variance <= 0:
        raise ValueError("variance must be positive")
    lev = fraction * mean_excess_return / variance
    return max(0.0, min(max_leverage, lev))
