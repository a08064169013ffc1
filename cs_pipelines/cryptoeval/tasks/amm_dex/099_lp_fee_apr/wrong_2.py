def lp_fee_apr(volume_24h: float, fee_rate: float, tvl: float) -> float:
    """Simple annualised fee yield of a pool: ``volume_24h * fee_rate * 365 / tvl``
    (DEXes trade every day of the year).

    >>> round(lp_fee_apr(1_000_000.0, 0.003, 10_000_000.0), 6)
    0.1095
    """
    return (1 + volume_24h * fee_rate / tvl) ** 365.0 - 1.0
