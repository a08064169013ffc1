def chande_momentum_oscillator(closes: list[float], window: int) -> list[float]:
    if window < 1:
        raise ValueError("window must be one or more")
    changes = [b - a for a, b in zip(closes, closes[1:])]
    out = [float("nan")] * min(window, len(closes))
    for i in range(window, len(closes)):
        recent = changes[i - window : i]
        gains = sum(c for c in recent if c > 0)
        losses = -sum(c for c in recent if c < 0)
        out.append(100.0 * (gains - losses) / window)
    return out
