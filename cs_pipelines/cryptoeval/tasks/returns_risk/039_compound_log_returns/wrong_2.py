import math


def compound_log_returns(log_returns: list[float]) -> float:
    total = 1.0
    for r in log_returns:
        total *= 1.0 + r
    return total - 1.0
