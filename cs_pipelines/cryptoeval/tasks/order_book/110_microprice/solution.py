def microprice(bid: float, bid_qty: float, ask: float, ask_qty: float) -> float:
    """Size-weighted mid (microprice): ``(bid * ask_qty + ask * bid_qty) /
    (bid_qty + ask_qty)``. A heavy bid pushes the fair price towards the ask.

    >>> microprice(99.0, 3.0, 101.0, 1.0)
    100.5
    """
    return (bid * ask_qty + ask * bid_qty) / (bid_qty + ask_qty)
