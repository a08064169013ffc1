def round_trip_pnl(
    side: str, entry: float, exit: float, qty: float, fee_rate: float
) -> float:
    gross = (exit - entry) * qty if side == "long" else (entry - exit) * qty
    return gross - fee_rate * entry * qty
