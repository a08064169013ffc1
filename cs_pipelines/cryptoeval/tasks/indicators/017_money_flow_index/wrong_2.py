import math


def money_flow_index(
    high: list[float],
    low: list[float],
    close: list[float],
    volume: list[float],
    period: int = 14,
) -> list[float]:
    tp = list(close)
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
