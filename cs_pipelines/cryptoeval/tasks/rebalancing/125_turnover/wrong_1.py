def turnover(old_weights: dict[str, float], new_weights: dict[str, float]) -> float:
    return sum(abs(new_weights.get(s, 0.0) - w) for s, w in old_weights.items()) / 2
