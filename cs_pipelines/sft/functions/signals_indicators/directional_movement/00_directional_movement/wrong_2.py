def directional_movement(
    highs: list[float], lows: list[float]
) -> tuple[list[float], list[float]]:
    if len(highs) != len(lows):
        raise ValueError("need one low per high")
    plus = [float("nan")] * min(1, len(highs))
    minus = list(plus)
    for i in range(1, len(highs)):
        up = highs[i] - highs[i - 1]
        down = lows[i - 1] - lows[i]
        plus.append(float(up) if up >= down and up > 0 else 0.0)
        minus.append(float(down) if down > up and down > 0 else 0.0)
    return plus, minus
