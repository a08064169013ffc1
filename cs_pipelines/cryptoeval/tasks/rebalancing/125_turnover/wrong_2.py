def turnover(old_weights: dict[str, float], new_weights: dict[str, float]) -> float:
    syms = set(old_weights) | set(new_weights)
    return sum(abs(new_weights.get(s, 0.0) - old_weights.get(s, 0.0)) for s in syms)
