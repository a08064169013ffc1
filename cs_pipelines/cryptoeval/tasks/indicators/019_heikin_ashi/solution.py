def heikin_ashi(
    open_: list[float], high: list[float], low: list[float], close: list[float]
) -> list[tuple[float, float, float, float]]:
    """Heikin-Ashi candles ``(ha_open, ha_high, ha_low, ha_close)``.

    ``ha_close = (o + h + l + c) / 4``. ``ha_open[0] = (o[0] + c[0]) / 2`` and after
    that ``ha_open[i] = (ha_open[i-1] + ha_close[i-1]) / 2`` (the previous *Heikin-Ashi*
    candle, not the raw one). ``ha_high = max(h, ha_open, ha_close)`` and
    ``ha_low = min(l, ha_open, ha_close)``.

    >>> heikin_ashi([10.0], [12.0], [9.0], [11.0])
    [(10.5, 12.0, 9.0, 10.5)]
    """
    out = []
    for i, (o, h, l, c) in enumerate(zip(open_, high, low, close)):
        ha_c = (o + h + l + c) / 4.0
        ha_o = (o + c) / 2.0 if i == 0 else (out[-1][0] + out[-1][3]) / 2.0
        out.append((ha_o, max(h, ha_o, ha_c), min(l, ha_o, ha_c), ha_c))
    return out
