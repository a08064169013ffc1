def price_momentum(closes: list[float], lag: int) -> list[float]:
    if lag < 1:
        raise ValueError("lag must be a positive bar count")
    diffs = [float("nan")] * min(lag, len(closes))
    diffs.extend(closes[i] / closes[i - lag] - 1 for i in range(lag, len(closes)))
    return diffs
