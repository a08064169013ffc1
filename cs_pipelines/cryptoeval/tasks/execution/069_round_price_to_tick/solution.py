import math


def round_price_to_tick(price: float, tick: float, side: str) -> float:
    """Round a limit price onto the exchange's tick grid without making it more
    aggressive: a ``"buy"`` rounds *down*, a ``"sell"`` rounds *up*.

    Work in ticks with a ``1e-9`` tolerance so float noise does not move a price that is
    already on the grid (``0.3 / 0.1 == 2.9999999999999996``): buy uses
    ``math.floor(price / tick + 1e-9)``, sell ``math.ceil(price / tick - 1e-9)``. Return
    ``round(ticks * tick, 12)``.

    >>> round_price_to_tick(100.07, 0.05, "buy"), round_price_to_tick(100.07, 0.05, "sell")
    (100.05, 100.1)
    """
    x = price / tick
    if side == "buy":
        n = math.floor(x + 1e-9)
    elif side == "sell":
        n = math.ceil(x - 1e-9)
    else:
        raise ValueError(f"unknown side {side!r}")
    return round(n * tick, 12)
