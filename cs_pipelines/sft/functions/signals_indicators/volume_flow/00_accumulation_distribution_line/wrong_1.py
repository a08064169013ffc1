def accumulation_distribution_line(
    highs: list[float], lows: list[float], closes: list[float], volumes: list[float]
) -> list[float]:
    if not len(highs) == len(lows) == len(closes) == len(volumes):
        raise ValueError("all input series need the same number of bars")
    line = []
    running = 0.0
    for h, lo, c, v in zip(highs, lows, closes, volumes):
        spread = h - lo
        clv = (c - lo) / spread if spread else 0.0
        running += clv * v
        line.append(running)
    return line
