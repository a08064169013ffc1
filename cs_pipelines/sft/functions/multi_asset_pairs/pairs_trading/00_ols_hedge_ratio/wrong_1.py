def ols_hedge_ratio(y: list[float], x: list[float]) -> tuple[float, float]:
    count = len(y)
    if count != len(x) or count < 2:
        raise ValueError("need two equally long series of at least two points")
    sxx = sum(xi * xi for xi in x)
    if sxx == 0:
        raise ValueError("x is constant")
    slope = sum(xi * yi for xi, yi in zip(x, y)) / sxx
    return slope, 0.0
