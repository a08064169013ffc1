def breakout_entry_flags(
    highs: list[float], closes: list[float], lookback: int
) -> list[bool]:
    """Flag fresh n-bar breakout entries.

    Bar ``i >= lookback`` is a breakout when ``closes[i]`` is strictly above the
    highest of the ``lookback`` previous highs (``highs[i - lookback] ..
    highs[i - 1]``; the current bar's high is not used). Only the *first* bar of
    a run of consecutive breakouts is an entry: bar ``i`` is flagged ``True`` when
    it is a breakout and bar ``i - 1`` was not. Bars ``0 .. lookback - 1`` are
    ``False``. Raise ``ValueError`` if ``lookback < 1`` or the lists differ in
    length.

    >>> breakout_entry_flags([10, 11, 12, 13], [9.5, 10.5, 11.5, 12.5], 2)
    [False, False, True, False]
    """
    if lookback < 1:
        raise ValueError("lookback must be at least one bar")
    if len(highs) != len(closes):
        raise ValueError("highs and closes must align")
    flags = []
    was_breakout = False
    for i, close in enumerate(closes):
        is_breakout = i >= lookback and close > max(highs[i - lookback : i])
        flags.append(is_breakout and not was_breakout)
        was_breakout = is_breakout
    return flags
