def microprice(bid: float, bid_qty: float, ask: float, ask_qty: float) -> float:
    return (bid * bid_qty + ask * ask_qty) / (bid_qty + ask_qty)
