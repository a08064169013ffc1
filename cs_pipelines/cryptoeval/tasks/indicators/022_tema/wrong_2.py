def tema(values: list[float], span: int) -> list[float]:
    def ema(xs):
        alpha = 2.0 / (span + 1)
        out = []
        for i, x in enumerate(xs):
            out.append(x if i == 0 else alpha * x + (1 - alpha) * out[-1])
        return out

    e1 = ema(values)
    e2 = ema(e1)
    e3 = ema(e1)
    return [3 * a - 3 * b + c for a, b, c in zip(e1, e2, e3)]
