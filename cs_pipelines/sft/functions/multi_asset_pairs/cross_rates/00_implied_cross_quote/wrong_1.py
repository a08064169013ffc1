def implied_cross_quote(
    a_bid: float, a_ask: float, b_bid: float, b_ask: float
) -> tuple[float, float]:
    """Executable bid and ask of A/B synthesised from the A/Q and B/Q markets.

    For example ETH/BTC from ETH/USDT (``a_*``) and BTC/USDT (``b_*``). Selling one
    A for B means selling A at ``a_bid`` and buying B at ``b_ask``, so the implied
    bid is ``a_bid / b_ask``; buying one A with B means selling B at ``b_bid`` and
    buying A at ``a_ask``, so the implied ask is ``a_ask / b_bid``. Return
    ``(bid, ask)``.

    Raise ``ValueError`` if any price is not positive or either input market has
    its bid above its ask.

    >>> implied_cross_quote(3.0, 4.0, 1.0, 2.0)
    (1.5, 4.0)
    """
    if min(a_bid, a_ask, b_bid, b_ask) <= 0:
        raise ValueError("prices must be positive")
    if a_bid > a_ask or b_bid > b_ask:
        raise ValueError("an input market is crossed")
    return a_bid / b_bid, a_ask / b_ask
