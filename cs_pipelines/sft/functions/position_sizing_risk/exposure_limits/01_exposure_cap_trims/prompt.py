def exposure_cap_trims(
    notionals: dict[str, float], equity: float, cap: float
) -> dict[str, float]:
    """Quote-currency trades that bring every position back under a per-asset cap.

    An asset breaches the cap when ``|notional| > cap * equity`` (exactly at the
    cap is fine). For each breaching asset return the signed notional to trade so
    that it ends exactly at the cap on its own side: negative (sell) to shrink a
    long, positive (buy back) to shrink a short. Assets within the cap are left
    out. Raise ``ValueError`` if ``equity <= 0`` or ``cap <= 0``.

    >>> book = {"BTC": 6000.0, "ETH": -4000.0, "SOL": 1000.0}
    >>> exposure_cap_trims(book, 10_000.0, 0.3)
    {'BTC': -3000.0, 'ETH': 1000.0}
    """
