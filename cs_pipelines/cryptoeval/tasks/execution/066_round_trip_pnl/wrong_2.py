def round_trip_pnl(
    side: str, entry: float, exit: float, qty: float, fee_rate: float
) -> float:
    gross = (exit - entry) * qty
    fees = fee_rate * (entry * qty + exit * qty)
    return gross - fees
