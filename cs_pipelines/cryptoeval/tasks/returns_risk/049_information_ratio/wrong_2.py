import math


def information_ratio(
    strategy: list[float], benchmark: list[float], periods_per_year: int = 365
) -> float:
    """Annualised information ratio against a benchmark (e.g. buy-and-hold BTC).

    Active returns are ``strategy - benchmark``; return
    ``mean(active) / stdev(active) * sqrt(periods_per_year)`` with the sample standard
    deviation (``n - 1``) of the *active* returns; ``nan`` if it is 0.

    >>> round(information_ratio([0.02, 0.01, 0.03], [0.01, 0.02, 0.0]), 6)
    9.552487
    """
    active = [s - b for s, b in zip(strategy, benchmark)]
    n = len(active)
    mean = sum(active) / n
    sd = math.sqrt(sum((a - mean) ** 2 for a in active) / (n - 1))
    return math.nan if sd == 0 else mean / sd * math.sqrt(252)
