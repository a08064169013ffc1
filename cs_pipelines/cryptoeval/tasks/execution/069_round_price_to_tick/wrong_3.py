import math


def round_price_to_tick(price: float, tick: float, side: str) -> float:
    x = price / tick
    n = math.ceil(x - 1e-9) if side == "buy" else math.floor(x + 1e-9)
    return round(n * tick, 12)
