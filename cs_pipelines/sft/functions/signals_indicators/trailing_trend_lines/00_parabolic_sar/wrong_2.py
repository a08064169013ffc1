def parabolic_sar(
    highs: list[float], lows: list[float], step: float = 0.02, max_step: float = 0.2
) -> list[float]:
    """Wilder's Parabolic SAR, one value per bar.

    Start long at bar 0 with ``sar = lows[0]``, extreme point ``ep = highs[0]`` and
    acceleration ``af = step``; output ``sar`` for bar 0. For each later bar ``i``:

    1. ``sar = sar + af * (ep - sar)``.
    2. Long: cap ``sar`` at the lows of bars ``i-1`` and ``i-2`` (those that exist),
       i.e. take the minimum. Short: floor it at the highs of those bars (maximum).
    3. Reversal: if long and ``lows[i] < sar`` (short and ``highs[i] > sar``), flip
       the trend, set ``sar = ep`` (the old extreme), ``ep = lows[i]``
       (``highs[i]``) and ``af = step``.
    4. Otherwise, if bar ``i`` makes a new extreme (``highs[i] > ep`` when long,
       ``lows[i] < ep`` when short), set ``ep`` to it and
       ``af = min(af + step, max_step)``.

    Output ``sar`` for bar ``i``. Raise ``ValueError`` on unequal lengths, on
    ``step <= 0`` or on ``max_step < step``.

    >>> highs = [10.0, 11.0, 12.0, 13.0, 14.0]
    >>> lows = [9.0, 10.0, 11.0, 12.0, 13.0]
    >>> [round(x, 4) for x in parabolic_sar(highs, lows, 0.1, 0.2)]
    [9.0, 9.0, 9.0, 9.6, 10.28]
    """
    if len(highs) != len(lows):
        raise ValueError("highs and lows must be equally long")
    if step <= 0 or max_step < step:
        raise ValueError("need 0 < step <= max_step")
    if not highs:
        return []
    long = True
    sar, ep, af = lows[0], highs[0], step
    out = [sar]
    for i in range(1, len(highs)):
        sar = sar + af * (ep - sar)
        if long:
            sar = min([sar, *lows[max(i - 2, 0) : i]])
            if lows[i] < sar:
                long, sar, ep, af = False, ep, lows[i], step
            elif highs[i] > ep:
                ep, af = highs[i], af + step
        else:
            sar = max([sar, *highs[max(i - 2, 0) : i]])
            if highs[i] > sar:
                long, sar, ep, af = True, ep, highs[i], step
            elif lows[i] < ep:
                ep, af = lows[i], af + step
        out.append(sar)
    return out
