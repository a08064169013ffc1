def ratchet_trailing_stops(
    closes: list[float], side: str, initial_stop: float, trail_pct: float
) -> list[float]:
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
