def triangular_arb_return(
    start_quote: float,
    base_ask: float,
    cross_ask: float,
    alt_bid: float,
    fee_rate: float,
) -> float:
    """Profit in quote currency of one pass around a triangle of markets.

    Example with USDT as quote, BTC as base and ETH as the alt coin: buy BTC with
    ``start_quote`` USDT at ``base_ask`` (BTC/USDT), buy ETH with that BTC at
    ``cross_ask`` (ETH/BTC, priced in BTC), then sell the ETH at ``alt_bid``
    (ETH/USDT). Every leg pays ``fee_rate`` out of the amount it delivers. Return
    the final USDT minus ``start_quote`` (negative when the loop loses money).

    Raise ``ValueError`` if ``start_quote`` or any price is not positive.

    >>> round(triangular_arb_return(1_000.0, 40_000.0, 0.05, 2_010.0, 0.0), 6)
    5.0
    """
    if start_quote <= 0 or min(base_ask, cross_ask, alt_bid) <= 0:
        raise ValueError("amount and prices must be positive")
    keep = 1.0 - fee_rate
    btc = start_quote / base_ask * keep
    eth = btc * cross_ask * keep
    back = eth * alt_bid * keep
    return back - start_quote
