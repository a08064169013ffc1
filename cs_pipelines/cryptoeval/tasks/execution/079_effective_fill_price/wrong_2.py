def effective_fill_price(
    fills: list[tuple[float, float]], fee_rate: float, side: str
) -> float:
    """Fee-inclusive average price of several fills ``(price, qty)`` of one order.

    ``vwap = sum(price * qty) / sum(qty)``; a ``"buy"`` effectively pays
    ``vwap * (1 + fee_rate)``, a ``"sell"`` effectively receives ``vwap * (1 - fee_rate)``.

    >>> round(effective_fill_price([(100.0, 1.0), (102.0, 1.0)], 0.001, "buy"), 6)
    101.101
    """
    qty = sum(q for _, q in fills)
    vwap = sum(p * q for p, q in fills) / qty
    return vwap * (1 + fee_rate)
