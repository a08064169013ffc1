def ema(values: list[float], span: int) -> list[float]:
    alpha = 2.0 / (span + 1)
    out = []
    for i, v in enumerate(values):
        out.append(v if i == 0 else (1 - alpha) * v + alpha * out[-1])
    return out
