def scale_to_max_gross(weights: dict[str, float], max_gross: float) -> dict[str, float]:
    net = sum(weights.values())
    if abs(net) <= max_gross:
        return dict(weights)
    f = max_gross / abs(net)
    return {k: w * f for k, w in weights.items()}
