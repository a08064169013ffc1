def accumulation_distribution_line(
    highs: list[float], lows: list[float], closes: list[float], volumes: list[float]
) -> list[float]:
    if not len(highs) == len(lows) == len(closes) == len(volumes):
        raise ValueError("all input series need the same number of bars")
    line = []
    for h, lo, c, v in zip(highs, lows, closes, volumes):
        spread = h - lo
        clv = ((c - lo) - (h - c)) / spread if spread else 0.0
        line.append(clv * v)
    return line
