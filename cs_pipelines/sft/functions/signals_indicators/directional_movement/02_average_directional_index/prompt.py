def average_directional_index(
    highs: list[float], lows: list[float], closes: list[float], window: int = 14
) -> list[float]:
    """Wilder's ADX, the smoothed strength of a trend (direction-free).

    Build +DI and -DI as Wilder does: from bar 1 on, true range
    ``max(h - l, abs(h - prev_close), abs(l - prev_close))``, ``+DM`` (``up`` if
    ``up > down`` and ``up > 0``, else 0) and ``-DM`` (``down`` if ``down > up``
    and ``down > 0``, else 0) with ``up = h[i] - h[i-1]``, ``down = l[i-1] - l[i]``;
    smooth each with a running sum seeded by the plain sum of bars ``1 .. window``
    and updated as ``S = S - S / window + x``; ``DI = 100 * S(DM) / S(TR)``. From
    bar ``window`` on, ``dx = 100 * abs(pdi - mdi) / (pdi + mdi)`` (0.0 when the
    sum is 0). The first ADX, at bar ``2 * window - 1``, is the mean of the
    ``window`` dx values at bars ``window .. 2 * window - 1``; later
    ``adx = (prev_adx * (window - 1) + dx) / window``. Earlier bars are
    ``float("nan")``. Raise ``ValueError`` on unequal lengths or ``window < 1``.

    >>> h, l, c = [10, 12, 11, 14, 13], [8, 9, 7, 10, 9], [9, 11, 8, 13, 10]
    >>> [round(x, 2) for x in average_directional_index(h, l, c, 2)]
    [nan, nan, nan, 30.0, 22.14]
    """
