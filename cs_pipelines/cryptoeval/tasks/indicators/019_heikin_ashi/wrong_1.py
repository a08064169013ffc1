def heikin_ashi(
    open_: list[float], high: list[float], low: list[float], close: list[float]
) -> list[tuple[float, float, float, float]]:
    out = []
    for i, (o, h, l, c) in enumerate(zip(open_, high, low, close)):
        ha_c = (o + h + l + c) / 4.0
        ha_o = (o + c) / 2.0 if i == 0 else (open_[i - 1] + close[i - 1]) / 2.0
        out.append((ha_o, max(h, ha_o, ha_c), min(l, ha_o, ha_c), ha_c))
    return out
