import math


def information_ratio(
    strategy: list[float], benchmark: list[float], periods_per_year: int = 365
) -> float:
    active = [s - b for s, b in zip(strategy, benchmark)]
    n = len(active)
    mean = sum(active) / n
    ms = sum(strategy) / n
    sd = math.sqrt(sum((s - ms) ** 2 for s in strategy) / (n - 1))
    return math.nan if sd == 0 else mean / sd * math.sqrt(periods_per_year)
