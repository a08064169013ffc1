def breakout_entry_flags(
    highs: list[float], closes: list[float], lookback: int
) -> list[bool]:
    if lookback < 1:
        raise ValueError("lookback must be at least one bar")
    if len(highs) != len(closes):
        raise ValueError("highs and closes must align")
    flags = []
    was_breakout = False
    for i, close in enumerate(closes):
        is_breakout = (
            i >= lookback - 1 and close > max(highs[i - lookback + 1 : i + 1])
        )
        flags.append(is_breakout and not was_breakout)
        was_breakout = is_breakout
    return flags
