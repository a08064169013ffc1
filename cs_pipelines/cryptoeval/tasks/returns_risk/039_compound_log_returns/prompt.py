import math


def compound_log_returns(log_returns: list[float]) -> float:
    """Total simple return over a period given its log returns: ``exp(sum) - 1``.

    >>> round(compound_log_returns([math.log(1.1), math.log(1.1)]), 6)
    0.21
    """
