import math


def excess_kurtosis(returns: list[float]) -> float:
    """Bias-adjusted excess kurtosis of a return sample (0 for a normal law).

    With central moments ``m_k = mean((r - mean(r)) ** k)`` (divide by ``n``),
    ``g2 = m_4 / m_2 ** 2 - 3`` and the result is
    ``((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3))``, the estimator
    reported by spreadsheets' KURT and pandas. Return ``math.nan`` when every
    return is the same. Raise ``ValueError`` for fewer than four returns.

    >>> round(excess_kurtosis([0.0, 0.0, 0.0, 0.0, 0.05]), 6)
    5.0
    """
    n = len(returns)
    if n < 4:
        raise ValueError("kurtosis requires four or more observations")
    mu = sum(returns) / n
    devs = [x - mu for x in returns]
    m2 = sum(d * d for d in devs) / n
    m4 = sum(d**4 for d in devs) / n
    if m2 == 0:
        return math.nan
    g2 = m4 / (m2 * m2)
    return ((n + 1) * g2 + 6.0) * (n - 1) / ((n - 2) * (n - 3))
