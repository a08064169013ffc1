def fill_cash_flow(
    side: str, price: float, qty: float, is_maker: bool, maker_fee: float, taker_fee: float
) -> float:
    """Quote-currency cash flow of a spot fill, fees included (fees are paid in quote).

    ``fee = price * qty * rate`` with ``rate = maker_fee`` for maker fills and
    ``taker_fee`` otherwise; a negative maker fee is a rebate. A ``"buy"`` returns
    ``-(notional + fee)``, a ``"sell"`` returns ``notional - fee``.

    >>> round(fill_cash_flow("buy", 100.0, 2.0, False, -0.0001, 0.0005), 6)
    -200.1
    """
    notional = price * qty
    fee = notional * taker_fee
    return -(notional + fee) if side == "buy" else notional - fee
