def heikin_ashi(
    open_: list[float], high: list[float], low: list[float], close: list[float]
) -> list[tuple[float, float, float, float]]:
    out = []
    for i, (o, h, l, c) in enumerate(zip(open_, high, low, close)):
        ha_c = (o + h + l + c) / 4.0
        ha_o = (o + c) / 2.0 if i == 0 else (out[-1][0] + out[-1][3]) / 2.0
        out.append((ha_o, h, l, ha_c))
    return out
