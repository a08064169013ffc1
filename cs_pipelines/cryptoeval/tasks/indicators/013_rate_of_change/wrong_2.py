import math


def rate_of_change(values: list[float], period: int) -> list[float]:
    """Rate of change in percent: ``100 * (values[i] / values[i - period] - 1)``.

    The first ``period`` entries are ``nan`` (there is no value ``period`` bars back).

    >>> [round(x, 6) for x in rate_of_change([100.0, 110.0, 121.0], 1)]
    [nan, 10.0, 10.0]
    """
    return [
        math.nan if i < period else (values[i] / values[i - period] - 1.0)
        for i in range(len(values))
    ]
