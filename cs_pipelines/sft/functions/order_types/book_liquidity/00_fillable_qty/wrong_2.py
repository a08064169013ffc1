def fillable_qty(levels: list[tuple[float, float]], side: str, limit: float) -> float:
    return float(sum(q for p, q in levels if p <= limit))
