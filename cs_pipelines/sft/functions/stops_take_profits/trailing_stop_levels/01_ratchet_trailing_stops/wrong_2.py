def ratchet_trailing_stops(
    closes: list[float], side: str, initial_stop: float, trail_pct: float
) -> list[float]:
    """Stop after each close for a percentage trailing stop that only ever tightens.

    Long: the candidate after close ``c`` is ``c * (1 - trail_pct)`` and the stop
    is the larger of it and the previous stop; short: the candidate is
    ``c * (1 + trail_pct)`` and the stop is the smaller of the two. The
    "previous stop" before the first close is ``initial_stop``. Exits are not
    simulated. Raise ``ValueError`` unless ``0 < trail_pct < 1`` and the side is
    ``"long"`` or ``"short"``.

    >>> ratchet_trailing_stops([100.0, 110.0, 104.0, 120.0], "long", 90.0, 0.05)
    [95.0, 104.5, 104.5, 114.0]
    """
    if not 0.0 < trail_pct < 1.0:
        raise ValueError("trail_pct must lie strictly between 0 and 1")
    if side not in ("long", "short"):
        raise ValueError(f"unknown side {side!r}")
    level = None
    out = []
    for c in closes:
        if side == "long":
            cand = c * (1.0 - trail_pct)
            level = cand if level is None else max(level, cand)
        else:
            cand = c * (1.0 + trail_pct)
            level = cand if level is None else min(level, cand)
        out.append(level)
    return out
