def ratchet_trailing_stops(
    closes: list[float], side: str, initial_stop: float, trail_pct: float
) -> list[float]:
    if not 0.0 < trail_pct < 1.0:
        raise ValueError("trail_pct must lie strictly between 0 and 1")
    if side not in ("long", "short"):
        raise ValueError(f"unknown side {side!r}")
    out = []
    for c in closes:
        if side == "long":
            out.append(c * (1.0 - trail_pct))
        else:
            out.append(c * (1.0 + trail_pct))
    return out
