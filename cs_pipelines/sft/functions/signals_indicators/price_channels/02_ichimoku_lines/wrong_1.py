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
            recent = range(i + 1 - period, i + 1)
            mids = [(highs[j] + lows[j]) / 2 for j in recent]
            line.append(sum(mids) / period)
        return line

    return midline(tenkan), midline(kijun)
