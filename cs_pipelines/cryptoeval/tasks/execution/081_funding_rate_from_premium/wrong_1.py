def funding_rate_from_premium(
    premium_index: float, interest_rate: float = 0.0001, clamp: float = 0.0005
) -> float:
    f = premium_index + (interest_rate - premium_index)
    return max(-clamp, min(clamp, f))
