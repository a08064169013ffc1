import math


def anchored_vwap_daily(
    timestamps_ms: list[int], prices: list[float], volumes: list[float]
) -> list[float]:
    """Trade VWAP that resets at every UTC midnight (crypto trades 24/7, days are UTC).

    ``timestamps_ms`` are Unix epoch milliseconds in ascending order. Entry ``i`` is the
    volume-weighted average of ``prices`` over trades from the start of the UTC day of
    trade ``i`` up to and including trade ``i``. While the day's cumulative volume is 0
    the entry is ``nan``.

    >>> day = 86_400_000
    >>> anchored_vwap_daily([0, 1000, day], [10.0, 20.0, 30.0], [1.0, 1.0, 2.0])
    [10.0, 15.0, 30.0]
    """
    day_ms = 86_400_000
    out = []
    current_day = None
    pv = vol = 0.0
    for ts, p, v in zip(timestamps_ms, prices, volumes):
        d = ts // day_ms
        if d != current_day:
            current_day = d
            pv = vol = 0.0
            out.append(p)
            pv += p * v
            vol += v
            continue
        pv += p * v
        vol += v
        out.append(pv / vol if vol > 0 else math.nan)
    return out
