import math


def money_flow_index(
    high: list[float],
    low: list[float],
    close: list[float],
    volume: list[float],
    period: int = 14,
) -> list[float]:
    """Money Flow Index.

    Typical price ``tp = (high + low + close) / 3`` and raw money flow ``tp * volume``.
    For ``i >= 1`` the flow is positive when ``tp[i] > tp[i-1]``, negative when
    ``tp[i] < tp[i-1]`` and ignored when equal. ``MFI[i]`` (for ``i >= period``) uses the
    ``period`` flows of bars ``i - period + 1 .. i``:
    ``100 - 100 / (1 + positive / negative)``; with no negative flow it is 100 (50 if
    there is no positive flow either). Entries ``0 .. period - 1`` are ``nan``.

    >>> tp = [10.0, 11.0, 10.5, 12.0]
    >>> [round(x, 4) for x in money_flow_index(tp, tp, tp, [1.0, 2.0, 3.0, 4.0], 2)]
    [nan, nan, 41.1215, 60.3774]
    """
