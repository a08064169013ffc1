def capped_weights(scores: dict[str, float], cap: float) -> dict[str, float]:
    pos = {k: v for k, v in scores.items() if v > 0}
    if cap * len(pos) < 1 - 1e-12:
        raise ValueError("cap too small")
    total = sum(pos.values())
    clipped = {k: min(v / total, cap) for k, v in pos.items()}
    s = sum(clipped.values())
    return {k: w / s for k, w in clipped.items()}
