def breakout_entry_flags(
    highs: list[float], closes: list[float], lookback: int
) -> list[bool]:
    if lookback < 1:
        raise ValueError("lookback must be at least one bar")
    if len(highs) != len(closes):
        raise ValueError("highs and closes must align")
    flags = []
    for i, close in enumerate(closes):
        flags.append(i >= lookback and close > max(highs[i - lookback : i]))
    return flags
