def fillable_qty(levels: list[tuple[float, float]], side: str, limit: float) -> float:
    if side == "buy":
        return float(sum(q for p, q in levels if p < limit))
    if side == "sell":
        return float(sum(q for p, q in levels if p > limit))
    raise ValueError(f"unknown side {side!r}")
