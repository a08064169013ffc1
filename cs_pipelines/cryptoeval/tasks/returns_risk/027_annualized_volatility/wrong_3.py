import math


def annualized_volatility(returns: list[float], periods_per_year: int = 365) -> float:
    """Annualised volatility of periodic returns.

    Sample standard deviation (divide by ``n - 1``) times ``sqrt(periods_per_year)``.
    Crypto trades every day, so daily returns use the default of 365 (not 252).
    Raise ``ValueError`` for fewer than two returns.

    >>> round(annualized_volatility([0.01, -0.01, 0.02, 0.0]), 6)
    0.246644
    """
    n = len(returns)
    if n < 2:
        raise ValueError("need at least two returns")
    mean = sum(returns) / n
    var = sum((r - mean) ** 2 for r in returns) / (n - 1)
    return var * periods_per_year
