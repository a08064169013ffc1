def cumulative_depth(levels: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out = []
    total = 0.0
    for price, qty in levels:
        out.append((price, total))
        total += qty
    return out
