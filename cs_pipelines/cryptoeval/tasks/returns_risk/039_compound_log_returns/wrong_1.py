import math


def compound_log_returns(log_returns: list[float]) -> float:
    return sum(log_returns)
