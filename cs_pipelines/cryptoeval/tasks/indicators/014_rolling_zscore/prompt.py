import math


def rolling_zscore(values: list[float], window: int) -> list[float]:
    """Z-score of each value against its trailing window (current bar included).

    ``z[i] = (values[i] - mean) / std`` where mean and the *sample* standard deviation
    (divide by ``window - 1``) are over ``values[i - window + 1 : i + 1]``. The first
    ``window - 1`` entries are ``nan``, and so is any entry whose std is 0.
    ``window`` must be at least 2 (else ``ValueError``).

    >>> rolling_zscore([1.0, 2.0, 3.0], 3)
    [nan, nan, 1.0]
    """
