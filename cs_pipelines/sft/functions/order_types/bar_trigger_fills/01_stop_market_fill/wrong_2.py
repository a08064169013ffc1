def stop_market_fill(
    side: str,
    stop_price: float,
    open_: float,
    high: float,
    low: float,
    slippage_bps: float = 0.0,
) -> float | None:
    """Fill price of a stop-market order on one OHLC bar, or ``None`` if untouched.

    A buy stop activates when ``high >= stop_price``, a sell stop when
    ``low <= stop_price``. If the bar opens beyond the stop (buy: ``open_ >=
    stop_price``; sell: ``open_ <= stop_price``) the order executes at the open,
    otherwise at the stop price. Slippage then worsens that price by
    ``slippage_bps`` basis points: up for a buy, down for a sell.

    >>> stop_market_fill("buy", 105.0, 108.0, 110.0, 107.0)
    108.0
    """
    slip = slippage_bps / 10_000.0
    if side == "buy":
        if high < stop_price:
            return None
        return max(open_, stop_price) * (1.0 + slip)
    if side == "sell":
        if low > stop_price:
            return None
        return min(open_, stop_price) * (1.0 + slip)
    raise ValueError(f"unknown side {side!r}")
