def level_cross_up_bars(prices: list[float], level: float) -> list[int]:
    """Indices of the bars on which price crosses up through ``level``.

    Bar ``i >= 1`` is a cross when ``prices[i - 1] <= level`` and
    ``prices[i] > level``: the previous bar was at or under the level and this
    one closes strictly above it. Bar 0 is never a cross (nothing precedes it).
    Return the indices in increasing order.

    >>> level_cross_up_bars([9, 11, 10, 12], 10)
    [1, 3]
    """
