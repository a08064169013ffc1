def portfolio_weights(
    holdings: dict[str, float], prices: dict[str, float], cash: float
) -> dict[str, float]:
    """Weight of every held coin in total portfolio value (``cash`` included in the
    total but not returned): ``qty * price / (cash + sum(qty * price))``.

    >>> prices = {"BTC": 30_000.0, "ETH": 2_000.0}
    >>> portfolio_weights({"BTC": 1.0, "ETH": 10.0}, prices, 10_000.0)
    {'BTC': 0.5, 'ETH': 0.3333333333333333}
    """
