def kelly_leverage_from_sharpe(sharpe_annual: float, vol_annual: float) -> float:
    return sharpe_annual / vol_annual**2
