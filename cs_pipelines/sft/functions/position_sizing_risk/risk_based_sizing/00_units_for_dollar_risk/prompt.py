import math


def units_for_dollar_risk(
    risk_amount: float, entry: float, stop: float, lot_size: float
) -> float:
    """Order quantity that loses about ``risk_amount`` (quote currency) at the stop.

    The raw quantity is ``risk_amount / |entry - stop|`` (longs and shorts alike);
    it is cut *down* to a whole number of ``lot_size`` lots, so the realised risk
    never exceeds the budget. Count the lots with
    ``math.floor(raw / lot_size + 1e-9)`` (the tolerance absorbs binary rounding)
    and return ``round(lots * lot_size, 12)``; a budget below one lot gives 0.0.
    Raise ``ValueError`` if ``entry == stop`` or ``lot_size <= 0``.

    >>> units_for_dollar_risk(250.0, 30_000.0, 29_200.0, 0.01)
    0.31
    """
