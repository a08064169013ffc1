def detrended_price_oscillator(closes: list[float], window: int) -> list[float]:
    if window < 2:
        raise ValueError("DPO needs a window of two bars or more")
    shift = window // 2 + 1
    first = max(window - 1, shift)
    dpo = []
    for i, _ in enumerate(closes):
        if i < first:
            dpo.append(float("nan"))
        else:
            mean = sum(closes[i - window + 1 : i + 1]) / window
            dpo.append(closes[i] - mean)
    return dpo
