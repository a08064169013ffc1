def lp_fee_apr(volume_24h: float, fee_rate: float, tvl: float) -> float:
    return (1 + volume_24h * fee_rate / tvl) ** 365.0 - 1.0
