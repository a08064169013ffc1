def pyramid_add_sizes(total_qty: float, levels: int, ratio: float) -> list[float]:
    """Split a total position into ``levels`` pyramiding tranches.

    Each tranche is ``ratio`` times the one before (``ratio < 1`` builds a
    classic pyramid with the biggest piece first) and the tranches add up to
    ``total_qty``: the first is ``total_qty * (1 - ratio) / (1 - ratio ** levels)``
    or, when ``ratio == 1``, ``total_qty / levels``. Raise ``ValueError`` if
    ``levels < 1`` or ``ratio <= 0``.

    >>> pyramid_add_sizes(7.0, 3, 0.5)
    [4.0, 2.0, 1.0]
    """
    if levels < 1:
        raise ValueError("levels must be at least 1")
    if ratio <= 0:
        raise ValueError("ratio must be positive")
    head = total_qty / levels
    return [head * ratio**k for k in range(levels)]
