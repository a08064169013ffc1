def update_position(
    qty: float, avg_price: float, fill_qty: float, fill_price: float
) -> tuple[float, float, float]:
    if qty == 0 or (qty > 0) == (fill_qty > 0):
        new_qty = qty + fill_qty
        new_avg = (qty * avg_price + fill_qty * fill_price) / new_qty if new_qty else 0.0
        return new_qty, new_avg, 0.0
    closed = min(abs(qty), abs(fill_qty))
    sign = 1.0 if qty > 0 else -1.0
    realized = closed * (fill_price - avg_price) * sign
    new_qty = qty + fill_qty
    return new_qty, (avg_price if new_qty else 0.0), realized
