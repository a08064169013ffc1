def spread_bps(best_bid: float, best_ask: float) -> float:
    """Quoted spread in basis points of the mid: ``(ask - bid) / mid * 10_000``.

    >>> round(spread_bps(99.0, 101.0), 6)
    200.0
    """
    return (best_ask - best_bid) / best_bid * 10_000.0
