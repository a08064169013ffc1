import math


def sample_skewness(returns: list[float]) -> float:
    """Bias-adjusted (Fisher-Pearson) skewness of a return sample.

    With ``m_k = mean((r - mean(r)) ** k)`` (central moments dividing by ``n``),
    ``g1 = m_3 / m_2 ** 1.5`` and the result is
    ``g1 * sqrt(n * (n - 1)) / (n - 2)`` -- the value spreadsheets and pandas
    report. Return ``math.nan`` when all returns are equal (``m_2 == 0``).
    Raise ``ValueError`` for fewer than three returns.

    >>> round(sample_skewness([0.0, 0.0, 0.0, 0.0, 0.05]), 6)
    2.236068
    """
    n = len(returns)
    if n < 3:
        raise ValueError("skewness requires three or more observations")
    mu = sum(returns) / n
    m2 = sum((x - mu) ** 2 for x in returns) / n
    m3 = sum((x - mu) ** 3 for x in returns) / n
    if m2 == 0:
        return math.nan
    g1 = m3 / m2**1.5
    return g1 * math.sqrt(n * (n - 1)) / (n - 2)
