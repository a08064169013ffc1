def basis_trade_qty(
    capital: float, spot_price: float, perp_price: float, leverage: float
) -> float:
    return capital / (spot_price + perp_price * leverage)
