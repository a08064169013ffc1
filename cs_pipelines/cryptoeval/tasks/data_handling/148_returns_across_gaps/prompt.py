import math


def returns_across_gaps(rows: list[list[float]], interval_ms: int) -> list[float]:
    """Close-to-close simple returns of OHLCV rows that refuse to bridge data gaps.

    Entry ``i >= 1`` is ``close[i] / close[i-1] - 1`` only when the rows are exactly
    ``interval_ms`` apart; across a gap (missing bars) it is ``nan``, as is entry 0.

    >>> rows = [[0, 1, 1, 1, 100.0, 1], [60_000, 1, 1, 1, 110.0, 1]]
    >>> [round(x, 6) for x in returns_across_gaps(rows, 60_000)]
    [nan, 0.1]
    """
