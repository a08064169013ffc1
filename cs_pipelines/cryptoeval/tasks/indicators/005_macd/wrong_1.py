def macd(
    closes: list[float], fast: int = 12, slow: int = 26, signal: int = 9
) -> tuple[list[float], list[float], list[float]]:
    def ema(xs, span):
        alpha = 2.0 / (span + 1)
        out = []
        for i, x in enumerate(xs):
            out.append(x if i == 0 else alpha * x + (1 - alpha) * out[-1])
        return out

    line = [f - s for f, s in zip(ema(closes, fast), ema(closes, slow))]
    sig = ema(line, signal)
    return line, sig, [s - m for m, s in zip(line, sig)]
