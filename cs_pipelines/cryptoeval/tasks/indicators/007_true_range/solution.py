def true_range(high: list[float], low: list[float], close: list[float]) -> list[float]:
    """True range per bar.

    ``tr[0] = high[0] - low[0]``; for ``i >= 1``
    ``tr[i] = max(high[i] - low[i], abs(high[i] - close[i-1]), abs(low[i] - close[i-1]))``
    (the *previous* bar's close captures overnight/weekend-style gaps).

    >>> true_range([10.0, 12.0], [9.0, 11.0], [9.5, 11.5])
    [1.0, 2.5]
    """
    out = []
    for i in range(len(high)):
        hl = high[i] - low[i]
        if i == 0:
            out.append(hl)
        else:
            pc = close[i - 1]
            out.append(max(hl, abs(high[i] - pc), abs(low[i] - pc)))
    return out
