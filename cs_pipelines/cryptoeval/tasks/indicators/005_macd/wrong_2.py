def macd(
    closes: list[float], fast: int = 12, slow: int = 26, signal: int = 9
) -> tuple[list[float], list[float], list[float]]:
    """MACD line, signal line and histogram.

    Every EMA here is recursive with ``alpha = 2 / (span + 1)`` and seeded with the
    first input value (pandas ``ewm(span, adjust=False)``), so there is no warm-up.
    ``macd_line = ema(closes, fast) - ema(closes, slow)``,
    ``signal_line = ema(macd_line, signal)``, ``histogram = macd_line - signal_line``.

    >>> m, s, h = macd([10.0, 13.0, 10.0], fast=2, slow=3, signal=2)
    >>> [round(x, 6) for x in h]
    [0.0, 0.166667, -0.138889]
    """
    def ema(xs, span):
        alpha = 2.0 / (span + 1)
        out = []
        for i, x in enumerate(xs):
            out.append(x if i == 0 else alpha * x + (1 - alpha) * out[-1])
        return out

    line = [f - s for f, s in zip(ema(closes, fast), ema(closes, slow))]
    sig = ema(closes, signal)
    return line, sig, [m - s for m, s in zip(line, sig)]
