def ema(values: list[float], span: int) -> list[float]:
    alpha = 1.0 / span
    out = []
    for i, v in enumerate(values):
        out.append(v if i == 0 else alpha * v + (1 - alpha) * out[-1])
    return out
