def update_position(
    qty: float, avg_price: float, fill_qty: float, fill_price: float
) -> tuple[float, float, float]:
    new_qty = qty + fill_qty
    if new_qty == 0:
        return 0.0, 0.0, (fill_price - avg_price) * qty
    new_avg = (qty * avg_price + fill_qty * fill_price) / new_qty
    realized = 0.0
    if qty and (qty > 0) != (fill_qty > 0):
        closed = min(abs(qty), abs(fill_qty))
        realized = closed * (fill_price - avg_price) * (1 if qty > 0 else -1)
    return new_qty, new_avg, realized
