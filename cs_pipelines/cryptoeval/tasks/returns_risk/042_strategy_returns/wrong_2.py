def strategy_returns(
    positions: list[float], asset_returns: list[float], fee_rate: float
) -> list[float]:
    out = []
    prev = 0.0
    for pos, ret in zip(positions, asset_returns):
        out.append(prev * ret - fee_rate * abs(pos))
        prev = pos
    return out
