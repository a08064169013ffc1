def funding_payment(position_qty: float, mark_price: float, funding_rate: float) -> float:
    return -abs(position_qty) * mark_price * funding_rate
