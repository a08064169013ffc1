import math


def twap_slices(total_qty: float, n_slices: int, lot_step: float) -> list[float]:
    """Split a parent order into ``n_slices`` child orders on the lot grid.

    Every slice but the last is ``total_qty / n_slices`` rounded *down* to the lot step
    (``math.floor(x / lot_step + 1e-9)`` lots); the last slice takes the remainder so
    the slices sum to ``total_qty``. Round every slice with ``round(x, 10)``.

    >>> twap_slices(1.0, 3, 0.001)
    [0.333, 0.333, 0.334]
    """
