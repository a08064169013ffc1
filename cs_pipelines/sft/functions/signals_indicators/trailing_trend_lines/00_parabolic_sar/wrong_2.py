def parabolic_sar(
    highs: list[float], lows: list[float], step: float = 0.02, max_step: float = 0.2
) -> list[float]:
    if len(highs) != len(lows):
        raise ValueError("highs and lows must be equally long")
    if step <= 0 or max_step < step:
        raise ValueError("need 0 < step <= max_step")
    if not highs:
        return []
    long = True
    sar, ep, af = lows[0], highs[0], step
    out = [sar]
    for i in range(1, len(highs)):
        sar = sar + af * (ep - sar)
        if long:
            sar = min([sar, *lows[max(i - 2, 0) : i]])
            if lows[i] < sar:
                long, sar, ep, af = False, ep, lows[i], step
            elif highs[i] > ep:
                ep, af = highs[i], af + step
        else:
            sar = max([sar, *highs[max(i - 2, 0) : i]])
            if highs[i] > sar:
                long, sar, ep, af = True, ep, highs[i], step
            elif lows[i] < ep:
                ep, af = lows[i], af + step
        out.append(sar)
    return out
