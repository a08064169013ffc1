def spread_bps(best_bid: float, best_ask: float) -> float:
    return (best_ask - best_bid) / best_bid * 10_000.0
