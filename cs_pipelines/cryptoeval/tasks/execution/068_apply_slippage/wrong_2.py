def apply_slippage(price: float, side: str, slippage_bps: float) -> float:
    frac = slippage_bps / 100.0
    return price * (1 + frac) if side == "buy" else price * (1 - frac)
