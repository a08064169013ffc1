import math


def spread_half_life(spread: list[float]) -> float:
    """Half-life of mean reversion of a spread, in bars, from an AR(1) fit.

    Regress the changes ``d_t = s_t - s_{t-1}`` on the lagged levels
    ``s_{t-1}`` (``t = 1 .. n-1``) by ordinary least squares *with* an intercept,
    ``d_t = a + b * s_{t-1}``. The implied AR(1) coefficient is ``phi = 1 + b``
    and the half-life is ``log(0.5) / log(phi)``. If ``phi >= 1`` the spread does
    not revert: return ``math.inf``. If ``phi <= 0`` it overshoots within a bar:
    return ``0.0``.

    Raise ``ValueError`` for fewer than three points or constant lagged levels.

    >>> spread_half_life([8.0, 4.0, 2.0, 1.0, 0.5])
    1.0
    """
    if len(spread) < 3:
        raise ValueError("need at least three observations")
    lagged = spread[:-1]
    moves = [b - a for a, b in zip(spread[:-1], spread[1:])]
    m = len(lagged)
    lag_mean = sum(lagged) / m
    move_mean = sum(moves) / m
    denom = sum((v - lag_mean) ** 2 for v in lagged)
    if denom == 0:
        raise ValueError("lagged spread is constant")
    b = sum((v - lag_mean) * (d - move_mean) for v, d in zip(lagged, moves)) / denom
    phi = 1.0 + b
    if phi >= 1.0:
        return math.inf
    if phi <= 0.0:
        return 0.0
    return math.log(0.5) / math.log(phi)
