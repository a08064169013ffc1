def ichimoku_lines(
    highs: list[float], lows: list[float], tenkan: int = 9, kijun: int = 26
) -> tuple[list[float], list[float]]:
    if len(highs) != len(lows):
        raise ValueError("highs and lows must have equal lengths")
    if tenkan < 1 or kijun < 1:
        raise ValueError("periods must be positive")

    def midline(period):
        line = []
        for i in range(len(highs)):
            if i + 1 < period:
                line.append(float("nan"))
                continue
            top = max(highs[i + 1 - period : i + 1])
            bottom = min(lows[i + 1 - period : i + 1])
            line.append((top + bottom) / 2)
        return line

    return midline(kijun), midline(tenkan)
