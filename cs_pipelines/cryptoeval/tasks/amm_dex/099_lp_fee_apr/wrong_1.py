def lp_fee_apr(volume_24h: float, fee_rate: float, tvl: float) -> float:
    return volume_24h * fee_rate * 252.0 / tvl
