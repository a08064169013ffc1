def kelly_leverage_from_sharpe(sharpe_annual: float, vol_annual: float) -> float:
    """Growth-optimal (full Kelly) leverage for a strategy with annualised Sharpe ratio
    ``S`` and volatility ``sigma``: ``mu / sigma**2 = S / sigma``.

    >>> round(kelly_leverage_from_sharpe(1.0, 0.5), 6)
    2.0
    """
    return sharpe_annual * vol_annual
