def buy_with_quote(asks: list[tuple[float, float]], quote_amount: float) -> float:
    if sum(p * s for p, s in asks) < quote_amount:
        raise ValueError("insufficient depth")
    return quote_amount / asks[0][0]
