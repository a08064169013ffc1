def pyramid_add_sizes(total_qty: float, levels: int, ratio: float) -> list[float]:
    if levels < 1:
        raise ValueError("levels must be at least 1")
    if ratio <= 0:
        raise ValueError("ratio must be positive")
    if ratio == 1:
        head = total_qty / levels
    else:
        head = total_qty * (1.0 - ratio) / (1.0 - ratio ** (levels + 1))
    return [head * ratio**k for k in range(levels)]
