import math


def round_price_to_tick(price: float, tick: float, side: str) -> float:
    x = price / tick
    n = math.floor(x) if side == "buy" else math.ceil(x)
    return round(n * tick, 12)
