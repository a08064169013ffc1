import math


def tail_ratio(returns: list[float], q: float = 0.95) -> float:
    if len(returns) < 2:
        raise ValueError("a tail ratio needs two or more returns")
    if not 0.5 < q < 1.0:
        raise ValueError("q must be strictly between 0.5 and 1")
    ordered = sorted(returns)
    last = len(ordered) - 1
    left = abs(ordered[math.floor(last * (1.0 - q))])
    if left == 0:
        return math.inf
    return abs(ordered[math.floor(last * q)]) / left
