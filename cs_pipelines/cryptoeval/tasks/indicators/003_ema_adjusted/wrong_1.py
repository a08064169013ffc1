def ema_adjusted(values: list[float], span: int) -> list[float]:
    alpha = 2.0 / (span + 1)
    out = []
    for i, v in enumerate(values):
        out.append(v if i == 0 else alpha * v + (1 - alpha) * out[-1])
    return out
