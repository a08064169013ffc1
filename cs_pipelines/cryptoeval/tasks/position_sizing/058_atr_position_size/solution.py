import math


def atr_position_size(
    equity: float, risk_fraction: float, atr: float, atr_multiple: float, lot_step: float
) -> float:
    """Size a position so that a stop ``atr_multiple * atr`` away risks ``risk_fraction``
    of equity, rounded *down* to a multiple of ``lot_step``.

    Raw size is ``equity * risk_fraction / (atr * atr_multiple)``; the number of lots is
    ``math.floor(raw / lot_step + 1e-9)`` (the epsilon absorbs float noise) and the
    result is ``round(lots * lot_step, 10)``.

    >>> atr_position_size(10_000.0, 0.01, 120.0, 2.0, 0.001)
    0.416
    """
    raw = equity * risk_fraction / (atr * atr_multiple)
    lots = math.floor(raw / lot_step + 1e-9)
    return round(lots * lot_step, 10)
