def pyramid_add_sizes(total_qty: float, levels: int, ratio: float) -> list[float]:
    if levels < 1:
        raise ValueError("levels must be at least 1")
    if ratio <= 0:
        raise ValueError("ratio must be positive")
    head = total_qty / levels
    return [head * ratio**k for k in range(levels)]
