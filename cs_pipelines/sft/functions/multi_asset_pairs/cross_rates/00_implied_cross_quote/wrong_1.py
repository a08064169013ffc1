def implied_cross_quote(
    a_bid: float, a_ask: float, b_bid: float, b_ask: float
) -> tuple[float, float]:
    if min(a_bid, a_ask, b_bid, b_ask) <= 0:
        raise ValueError("prices must be positive")
    if a_bid > a_ask or b_bid > b_ask:
        raise ValueError("an input market is crossed")
    return a_bid / b_bid, a_ask / b_ask
