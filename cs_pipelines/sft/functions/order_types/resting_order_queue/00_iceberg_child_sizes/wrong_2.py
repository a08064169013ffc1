import math


def iceberg_child_sizes(total_qty: float, display_qty: float) -> list[float]:
    """Sizes of the successive visible slices of an iceberg order.

    Every slice shows ``display_qty`` except possibly the last, which carries what
    is left over. Count the full slices as ``math.floor(total_qty / display_qty +
    1e-9)``; the leftover is ``round(total_qty - full * display_qty, 10)`` and is
    appended only when it is positive. A zero total gives ``[]``.

    Raise ``ValueError`` if ``display_qty <= 0`` or ``total_qty < 0``.

    >>> iceberg_child_sizes(10.0, 3.0)
    [3.0, 3.0, 3.0, 1.0]
    """
    if display_qty <= 0 or total_qty < 0:
        raise ValueError("need display_qty > 0 and total_qty >= 0")
    full = math.floor(total_qty / display_qty + 1e-9)
    tail = round(total_qty - full * display_qty, 10)
    return [display_qty] * full + [tail]
