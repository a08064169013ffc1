def beta(asset_returns: list[float], market_returns: list[float]) -> float:
    n = len(asset_returns)
    if n != len(market_returns) or n < 2:
        raise ValueError("need two equally long series of length >= 2")
    ma = sum(asset_returns) / n
    mm = sum(market_returns) / n
    cov = sum((a - ma) * (m - mm) for a, m in zip(asset_returns, market_returns)) / (n - 1)
    var = sum((m - mm) ** 2 for m in market_returns) / n
    return cov / var
