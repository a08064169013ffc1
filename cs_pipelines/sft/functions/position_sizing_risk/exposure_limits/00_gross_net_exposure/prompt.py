def gross_net_exposure(
    quantities: dict[str, float], prices: dict[str, float], equity: float
) -> tuple[float, float]:
    """Gross and net exposure of signed positions, as multiples of equity.

    Notional of an asset is ``quantity * price`` (negative for a short). Gross
    exposure is the sum of absolute notionals over equity, net exposure the
    signed sum over equity; return ``(gross, net)``. Raise ``ValueError`` if
    ``equity <= 0`` or an asset has no price.

    >>> prices = {"BTC": 50_000.0, "ETH": 2_500.0}
    >>> gross_net_exposure({"BTC": 0.3, "ETH": -2.0}, prices, 10_000.0)
    (2.0, 1.0)
    """
