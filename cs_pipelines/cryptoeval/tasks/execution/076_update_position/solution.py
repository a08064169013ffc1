def update_position(
    qty: float, avg_price: float, fill_qty: float, fill_price: float
) -> tuple[float, float, float]:
    """Apply a fill to a signed position; return ``(new_qty, new_avg_price, realized)``.

    ``qty``/``fill_qty`` are signed (buy > 0, sell < 0). Adding to a position (or opening
    from flat) moves the average entry to the quantity-weighted average. Reducing keeps
    the average and realises ``closed * (fill_price - avg_price)`` for a long
    (``closed * (avg_price - fill_price)`` for a short). A fill that flips the side first
    closes the whole old position, then opens the remainder at ``fill_price``. A flat
    result has average price 0.0.

    >>> update_position(2.0, 105.0, -1.0, 120.0)
    (1.0, 105.0, 15.0)
    """
    if qty == 0 or (qty > 0) == (fill_qty > 0):
        new_qty = qty + fill_qty
        new_avg = (qty * avg_price + fill_qty * fill_price) / new_qty if new_qty else 0.0
        return new_qty, new_avg, 0.0
    closed = min(abs(qty), abs(fill_qty))
    sign = 1.0 if qty > 0 else -1.0
    realized = closed * (fill_price - avg_price) * sign
    new_qty = qty + fill_qty
    if new_qty == 0:
        return 0.0, 0.0, realized
    if (new_qty > 0) == (qty > 0):
        return new_qty, avg_price, realized
    return new_qty, fill_price, realized
