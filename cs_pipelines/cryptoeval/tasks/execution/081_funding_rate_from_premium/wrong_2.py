def funding_rate_from_premium(
    premium_index: float, interest_rate: float = 0.0001, clamp: float = 0.0005
) -> float:
    diff = premium_index - interest_rate
    diff = max(-clamp, min(clamp, diff))
    return premium_index + diff
