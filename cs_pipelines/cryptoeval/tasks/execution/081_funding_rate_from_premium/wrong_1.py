def funding_rate_from_premium(
    premium_index: float, interest_rate: float = 0.0001, clamp: float = 0.0005
) -> float:
    """Perpetual funding rate from the premium index (Binance-style formula).

    ``F = P + clamp(I - P, -clamp, +clamp)`` where ``P`` is the premium index and ``I``
    the interest rate per funding interval: the *difference* ``I - P`` is clamped, not
    the result.

    >>> round(funding_rate_from_premium(0.0002), 8)
    0.0001
    """
    f = premium_index + (interest_rate - premium_index)
    return max(-clamp, min(clamp, f))
