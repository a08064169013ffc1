def fill_cash_flow(
    side: str, price: float, qty: float, is_maker: bool, maker_fee: float, taker_fee: float
) -> float:
    notional = price * qty
    fee = notional * taker_fee
    return -(notional + fee) if side == "buy" else notional - fee
