def buy_net_amounts(
    qty: float, price: float, fee_rate: float, fee_currency: str
) -> tuple[float, float]:
    gross_quote = qty * price
    if fee_currency == "quote":
        return qty * (1.0 - fee_rate), gross_quote
    if fee_currency == "base":
        return qty, gross_quote * (1.0 + fee_rate)
    raise ValueError(fee_currency)
