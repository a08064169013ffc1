def buy_net_amounts(
    qty: float, price: float, fee_rate: float, fee_currency: str
) -> tuple[float, float]:
    """What a spot buy of ``qty`` base at ``price`` really delivers and costs.

    Returns ``(base_received, quote_spent)``. When the fee is charged in the base
    coin (``fee_currency == "base"``) it is withheld from the coins received:
    ``(qty * (1 - fee_rate), qty * price)``. When charged in the quote currency
    (``"quote"``) it is added to the spend: ``(qty, qty * price * (1 + fee_rate))``.

    Raise ``ValueError`` for any other ``fee_currency``.

    >>> buy_net_amounts(2.0, 100.0, 0.001, "quote")
    (2.0, 200.2)
    """
    gross_quote = qty * price
    if fee_currency == "quote":
        return qty * (1.0 - fee_rate), gross_quote
    if fee_currency == "base":
        return qty, gross_quote * (1.0 + fee_rate)
    raise ValueError(fee_currency)
