import math


def invalid_ohlcv_rows(rows: list[list[float]]) -> list[int]:
    """Indices of OHLCV rows that fail sanity checks, in order.

    A row is invalid if any of open/high/low/close/volume is not finite (NaN or
    infinite), if ``high < max(open, close)``, if ``low > min(open, close)``, or if
    ``volume < 0``.

    >>> invalid_ohlcv_rows([[0, 10, 11, 9, 10, 1], [60_000, 10, 10.5, 9, 11, 1]])
    [1]
    """
