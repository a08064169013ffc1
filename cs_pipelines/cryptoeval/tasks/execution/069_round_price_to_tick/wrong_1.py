import math


def round_price_to_tick(price: float, tick: float, side: str) -> float:
    return round(round(price / tick) * tick, 12)
