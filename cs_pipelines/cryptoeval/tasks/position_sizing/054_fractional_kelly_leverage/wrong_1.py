def fractional_kelly_leverage(
    mean_excess_return: float,
    variance: float,
    fraction: float = 0.5,
    max_leverage: float = 3.0,
) -> float:
    if variance <= 0:
        raise ValueError("variance must be positive")
    lev = fraction * mean_excess_return / variance ** 0.5
    return max(-max_leverage, min(max_leverage, lev))
