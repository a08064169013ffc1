def ols_hedge_ratio(y: list[float], x: list[float]) -> tuple[float, float]:
    """Least-squares fit ``y = intercept + slope * x`` for a pair of price series.

    ``slope`` (the hedge ratio: units of ``x`` per unit of ``y``) is
    ``sum((x_i - x_bar) * (y_i - y_bar)) / sum((x_i - x_bar) ** 2)`` and
    ``intercept = y_bar - slope * x_bar``. Return ``(slope, intercept)``.

    Raise ``ValueError`` if the series differ in length, have fewer than two
    points, or ``x`` is constant.

    >>> ols_hedge_ratio([3.0, 5.0, 7.0, 9.0], [1.0, 2.0, 3.0, 4.0])
    (2.0, 1.0)
    """
