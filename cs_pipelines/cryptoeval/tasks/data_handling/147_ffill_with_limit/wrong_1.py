import math


def ffill_with_limit(values: list[float], limit: int) -> list[float]:
    """Forward-fill ``nan`` values with the last valid value, but fill at most ``limit``
    *consecutive* missing values (a longer outage stays ``nan`` after the first
    ``limit``); leading ``nan`` values stay ``nan``.

    >>> ffill_with_limit([1.0, float("nan"), float("nan"), float("nan"), 5.0], 2)
    [1.0, 1.0, 1.0, nan, 5.0]
    """
    out = []
    last = math.nan
    for v in values:
        if math.isnan(v):
            out.append(last)
        else:
            last = v
            out.append(v)
    return out
