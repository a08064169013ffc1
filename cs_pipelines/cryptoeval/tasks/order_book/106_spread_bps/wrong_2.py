def spread_bps(best_bid: float, best_ask: float) -> float:
    mid = (best_bid + best_ask) / 2.0
    return (best_ask - best_bid) / mid * 100.0
