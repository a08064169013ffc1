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
    n = len(closes)
    if len(highs) != n or len(lows) != n:
        raise ValueError("highs, lows and closes must be the same length")
    if window < 1:
        raise ValueError("ADX window must be >= 1")
    adx = [float("nan")] * n
    s_tr = s_plus = s_minus = 0.0
    dx_seed = []
    prev = None
    for i in range(1, n):
        pc = closes[i - 1]
        tr = max(highs[i] - lows[i], abs(highs[i] - pc), abs(lows[i] - pc))
        up = highs[i] - highs[i - 1]
        down = lows[i - 1] - lows[i]
        pdm = up if up > down and up > 0 else 0.0
        mdm = down if down > up and down > 0 else 0.0
        if i <= window:
            s_tr, s_plus, s_minus = s_tr + tr, s_plus + pdm, s_minus + mdm
        else:
            s_tr += tr - s_tr / window
            s_plus += pdm - s_plus / window
            s_minus += mdm - s_minus / window
        if i < window:
            continue
        pdi = 100.0 * s_plus / s_tr if s_tr else 0.0
        mdi = 100.0 * s_minus / s_tr if s_tr else 0.0
        dx = 100.0 * abs(pdi - mdi) / (pdi + mdi) if pdi + mdi else 0.0
        if prev is None:
            dx_seed.append(dx)
            if len(dx_seed) == window:
                prev = sum(dx_seed) / window
                adx[i] = prev
        else:
            prev = (prev * (window - 1) + dx) / window
            adx[i] = prev
    return adx
