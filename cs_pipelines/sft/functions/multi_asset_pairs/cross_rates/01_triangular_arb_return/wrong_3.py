def triangular_arb_return(
    start_quote: float,
    base_ask: float,
    cross_ask: float,
    alt_bid: float,
    fee_rate: float,
) -> float:
    if start_quote <= 0 or min(base_ask, cross_ask, alt_bid) <= 0:
        raise ValueError("amount and prices must be positive")
    final = start_quote / base_ask / cross_ask * alt_bid * (1.0 - fee_rate)
    return final - start_quote
