def directional_movement(
    highs: list[float], lows: list[float]
) -> tuple[list[float], list[float]]:
    """Wilder's raw directional movement, +DM and -DM, per bar.

    For bar ``i >= 1``: ``up = highs[i] - highs[i - 1]`` and
    ``down = lows[i - 1] - lows[i]``. ``+DM = up`` if ``up > down`` and
    ``up > 0``, else 0.0; ``-DM = down`` if ``down > up`` and ``down > 0``, else
    0.0 (so at most one of them is non-zero, and a tie gives two zeros). Bar 0
    has no predecessor and is ``float("nan")`` in both lists. Return
    ``(plus_dm, minus_dm)``; raise ``ValueError`` on unequal lengths.

    >>> directional_movement([10, 12, 11], [8, 9, 6])
    ([nan, 2.0, 0.0], [nan, 0.0, 3.0])
    """
    if len(highs) != len(lows):
        raise ValueError("need one low per high")
    plus = [float("nan")] * min(1, len(highs))
    minus = list(plus)
    for i in range(1, len(highs)):
        up = highs[i] - highs[i - 1]
        down = lows[i - 1] - lows[i]
        plus.append(float(max(up, 0)))
        minus.append(float(max(down, 0)))
    return plus, minus
