import math


def impermanent_loss(price_ratio: float) -> float:
    """Impermanent loss of a 50/50 constant-product LP versus holding, fees ignored.

    ``price_ratio`` is new price / price at deposit. Return
    ``2 * sqrt(r) / (1 + r) - 1`` (0 when the price is unchanged, negative otherwise).

    >>> round(impermanent_loss(4.0), 6)
    -0.2
    """
