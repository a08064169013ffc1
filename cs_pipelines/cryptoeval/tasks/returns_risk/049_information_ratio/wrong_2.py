import math


def information_ratio(
    strategy: list[float], benchmark: list[float], periods_per_year: int = 365
) -> float:
    active = [s - b for s, b in zip(strategy, benchmark)]
    n = len(active)
    mean = sum(active) / n
    sd = math.sqrt(sum((a - mean) ** 2 for a in active) / (n - 1))
    return math.nan if sd == 0 else mean / sd * math.sqrt(252)
