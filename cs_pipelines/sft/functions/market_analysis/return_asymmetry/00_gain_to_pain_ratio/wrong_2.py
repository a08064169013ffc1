import math


def gain_to_pain_ratio(returns: list[float]) -> float:
    if not returns:
        raise ValueError("returns must not be empty")
    pain = sum(r for r in returns if r < 0)
    if pain == 0:
        return math.inf
    return sum(returns) / pain
