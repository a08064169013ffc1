def apply_slippage(price: float, side: str, slippage_bps: float) -> float:
    frac = slippage_bps / 10_000.0
    return price * (1 + frac)
