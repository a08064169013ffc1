def capped_weights(scores: dict[str, float], cap: float) -> dict[str, float]:
    pos = {k: v for k, v in scores.items() if v > 0}
    if cap * len(pos) < 1 - 1e-12:
        raise ValueError("cap too small")
    total = sum(pos.values())
    raw = {k: v / total for k, v in pos.items()}
    capped = [k for k, w in raw.items() if w > cap]
    rest = {k: pos[k] for k in pos if k not in capped}
    remaining = 1.0 - cap * len(capped)
    rest_total = sum(rest.values())
    out = {k: cap for k in capped}
    out.update({k: remaining * v / rest_total for k, v in rest.items()})
    return {k: out[k] for k in pos}
