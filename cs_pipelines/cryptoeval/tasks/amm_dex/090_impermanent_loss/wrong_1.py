import math


def impermanent_loss(price_ratio: float) -> float:
    return 1.0 - 2.0 * math.sqrt(price_ratio) / (1.0 + price_ratio)
