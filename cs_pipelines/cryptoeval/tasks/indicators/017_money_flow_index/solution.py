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
    tp = [(h + l + c) / 3.0 for h, l, c in zip(high, low, close)]
    pos = [0.0] * len(tp)
    neg = [0.0] * len(tp)
    for i in range(1, len(tp)):
        flow = tp[i] * volume[i]
        if tp[i] > tp[i - 1]:
            pos[i] = flow
        elif tp[i] < tp[i - 1]:
            neg[i] = flow
    out = [math.nan] * len(tp)
    for i in range(period, len(tp)):
        p = sum(pos[i - period + 1 : i + 1])
        n = sum(neg[i - period + 1 : i + 1])
        if n == 0:
            out[i] = 50.0 if p == 0 else 100.0
        else:
            out[i] = 100.0 - 100.0 / (1.0 + p / n)
    return out
