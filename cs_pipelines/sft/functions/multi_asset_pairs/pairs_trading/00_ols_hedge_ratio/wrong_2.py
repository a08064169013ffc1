def ols_hedge_ratio(y: list[float], x: list[float]) -> tuple[float, float]:
    count = len(y)
    if count != len(x) or count < 2:
        raise ValueError("need two equally long series of at least two points")
    x_bar = sum(x) / count
    y_bar = sum(y) / count
    syy = sum((yi - y_bar) ** 2 for yi in y)
    if len(set(x)) == 1:
        raise ValueError("x is constant")
    sxy = sum((xi - x_bar) * (yi - y_bar) for xi, yi in zip(x, y))
    slope = sxy / syy
    return slope, y_bar - slope * x_bar
