def cumulative_depth(levels: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Depth chart points: for each level (best first) the price and the total quantity
    available up to and *including* that level.

    >>> cumulative_depth([(100.0, 1.0), (101.0, 2.0), (102.0, 3.0)])
    [(100.0, 1.0), (101.0, 3.0), (102.0, 6.0)]
    """
    out = []
    total = 0.0
    for price, qty in levels:
        total += price * qty
        out.append((price, total))
    return out
