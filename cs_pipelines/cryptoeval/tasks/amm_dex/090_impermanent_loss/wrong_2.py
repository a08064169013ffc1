import math


def impermanent_loss(price_ratio: float) -> float:
    return 2.0 * price_ratio / (1.0 + price_ratio) - 1.0
