"""Function problems on technical indicators and entry/exit signal helpers over price lists."""

from cs_pipelines.cryptoeval.task import spec
from cs_pipelines.sft.functions import FunctionFamily

FAMILIES = [
    FunctionFamily(
        "price_channels",
        "signals_indicators",
        [
            spec(
                "rolling_highest_high",
                "easy",
                '''
                def rolling_highest_high(highs: list[float], window: int) -> list[float]:
                    """Highest high of the trailing ``window`` bars, current bar included.

                    Output position ``i`` is ``max(highs[i - window + 1], ..., highs[i])``. While
                    fewer than ``window`` bars exist (positions ``0 .. window - 2``) the output is
                    ``float("nan")``, so the result is as long as ``highs``. A ``window`` below 1
                    raises ``ValueError``.

                    >>> rolling_highest_high([3, 1, 4, 1, 5], 3)
                    [nan, nan, 4, 4, 5]
                    """
                ''',
                """
                if window <= 0:
                    raise ValueError(f"window has to be positive, got {window}")
                result = []
                for end in range(1, len(highs) + 1):
                    if end < window:
                        result.append(float("nan"))
                    else:
                        result.append(max(highs[end - window : end]))
                return result
                """,
                """
                def check(candidate):
                    assert _close(candidate([3, 1, 4, 1, 5, 9, 2], 3), [nan, nan, 4, 4, 5, 9, 9])
                    assert _close(candidate([2.0, 7.0, 1.0], 1), [2.0, 7.0, 1.0])
                    assert _close(candidate([2.0, 7.0], 4), [nan, nan])
                    assert _close(candidate([], 2), [])
                    assert _raises(candidate, ValueError, [1.0, 2.0], 0)
                """,
                [
                    """
                    if window <= 0:
                        raise ValueError(f"window has to be positive, got {window}")
                    result = []
                    for end in range(1, len(highs) + 1):
                        if end <= window:
                            result.append(float("nan"))
                        else:
                            result.append(max(highs[end - window : end]))
                    return result
                    """,
                    """
                    if window <= 0:
                        raise ValueError(f"window has to be positive, got {window}")
                    result = []
                    for end in range(1, len(highs) + 1):
                        if end < window:
                            result.append(float("nan"))
                        else:
                            prior = highs[max(end - window - 1, 0) : end - 1]
                            result.append(max(prior) if prior else float("nan"))
                    return result
                    """,
                ],
            ),
            spec(
                "prior_lowest_low",
                "easy",
                '''
                def prior_lowest_low(lows: list[float], window: int) -> list[float]:
                    """Lowest low of the ``window`` bars *before* each bar (no look-ahead).

                    Output position ``i`` is ``min(lows[i - window], ..., lows[i - 1])``; the
                    current bar is excluded so the level can be compared with bar ``i`` to detect a
                    breakdown. Positions ``0 .. window - 1`` have no complete prior window and are
                    ``float("nan")``. Raise ``ValueError`` when ``window < 1``.

                    >>> prior_lowest_low([5, 3, 4, 6, 2], 2)
                    [nan, nan, 3, 3, 4]
                    """
                ''',
                """
                if window < 1:
                    raise ValueError("need a window of at least one bar")
                levels = [float("nan")] * min(window, len(lows))
                for i in range(window, len(lows)):
                    levels.append(min(lows[i - window : i]))
                return levels
                """,
                """
                def check(candidate):
                    assert _close(candidate([5, 3, 4, 6, 2, 8], 2), [nan, nan, 3, 3, 4, 2])
                    assert _close(candidate([4.0, 1.0, 3.0], 1), [nan, 4.0, 1.0])
                    assert _close(candidate([4.0, 1.0], 3), [nan, nan])
                    assert _raises(candidate, ValueError, [1.0], 0)
                """,
                [
                    """
                    if window < 1:
                        raise ValueError("need a window of at least one bar")
                    levels = [float("nan")] * min(window - 1, len(lows))
                    for i in range(window - 1, len(lows)):
                        levels.append(min(lows[i - window + 1 : i + 1]))
                    return levels
                    """,
                    """
                    if window < 1:
                        raise ValueError("need a window of at least one bar")
                    levels = [float("nan")] * min(window, len(lows))
                    for i in range(window, len(lows)):
                        levels.append(max(lows[i - window : i]))
                    return levels
                    """,
                ],
            ),
            spec(
                "ichimoku_lines",
                "medium",
                '''
                def ichimoku_lines(
                    highs: list[float], lows: list[float], tenkan: int = 9, kijun: int = 26
                ) -> tuple[list[float], list[float]]:
                    """Ichimoku conversion (tenkan-sen) and base (kijun-sen) lines.

                    A line with period ``p`` is, at bar ``i``, the midpoint of the range of the
                    last ``p`` bars: ``(max(highs[i-p+1 .. i]) + min(lows[i-p+1 .. i])) / 2``; it
                    is ``float("nan")`` for ``i < p - 1``. Return ``(tenkan_line, kijun_line)``,
                    each as long as the input. Raise ``ValueError`` if ``highs`` and ``lows``
                    differ in length or if either period is smaller than 1.

                    >>> ichimoku_lines([10, 12, 11], [8, 9, 7], tenkan=2, kijun=3)
                    ([nan, 10.0, 9.5], [nan, nan, 9.5])
                    """
                ''',
                """
                if len(highs) != len(lows):
                    raise ValueError("highs and lows must have equal lengths")
                if tenkan < 1 or kijun < 1:
                    raise ValueError("periods must be positive")

                def midline(period):
                    line = []
                    for i in range(len(highs)):
                        if i + 1 < period:
                            line.append(float("nan"))
                            continue
                        top = max(highs[i + 1 - period : i + 1])
                        bottom = min(lows[i + 1 - period : i + 1])
                        line.append((top + bottom) / 2)
                    return line

                return midline(tenkan), midline(kijun)
                """,
                """
                def check(candidate):
                    highs = [10, 12, 11, 13, 14]
                    lows = [8, 9, 7, 10, 12]
                    conv, base = candidate(highs, lows, 2, 3)
                    assert _close(conv, [nan, 10.0, 9.5, 10.0, 12.0])
                    assert _close(base, [nan, nan, 9.5, 10.0, 10.5])
                    assert _close(candidate([5.0], [4.0], 1, 2), ([4.5], [nan]))
                    assert _raises(candidate, ValueError, [1.0, 2.0], [1.0], 1, 1)
                """,
                [
                    """
                    if len(highs) != len(lows):
                        raise ValueError("highs and lows must have equal lengths")
                    if tenkan < 1 or kijun < 1:
                        raise ValueError("periods must be positive")

                    def midline(period):
                        line = []
                        for i in range(len(highs)):
                            if i + 1 < period:
                                line.append(float("nan"))
                                continue
                            recent = range(i + 1 - period, i + 1)
                            mids = [(highs[j] + lows[j]) / 2 for j in recent]
                            line.append(sum(mids) / period)
                        return line

                    return midline(tenkan), midline(kijun)
                    """,
                    """
                    if len(highs) != len(lows):
                        raise ValueError("highs and lows must have equal lengths")
                    if tenkan < 1 or kijun < 1:
                        raise ValueError("periods must be positive")

                    def midline(period):
                        line = []
                        for i in range(len(highs)):
                            if i + 1 < period:
                                line.append(float("nan"))
                                continue
                            top = max(highs[i + 1 - period : i + 1])
                            bottom = min(lows[i + 1 - period : i + 1])
                            line.append((top + bottom) / 2)
                        return line

                    return midline(kijun), midline(tenkan)
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "momentum_oscillators",
        "signals_indicators",
        [
            spec(
                "price_momentum",
                "easy",
                '''
                def price_momentum(closes: list[float], lag: int) -> list[float]:
                    """Absolute momentum: the close minus the close ``lag`` bars earlier.

                    Output position ``i`` is ``closes[i] - closes[i - lag]`` (a price difference,
                    not a percentage). The first ``lag`` positions have no earlier close and hold
                    ``float("nan")``. A ``lag`` smaller than 1 raises ``ValueError``.

                    >>> price_momentum([10.0, 11.0, 13.0, 12.0], 2)
                    [nan, nan, 3.0, 1.0]
                    """
                ''',
                """
                if lag < 1:
                    raise ValueError("lag must be a positive bar count")
                diffs = [float("nan")] * min(lag, len(closes))
                diffs.extend(closes[i] - closes[i - lag] for i in range(lag, len(closes)))
                return diffs
                """,
                """
                def check(candidate):
                    closes = [10.0, 11.0, 13.0, 12.0, 15.0]
                    assert _close(candidate(closes, 2), [nan, nan, 3.0, 1.0, 2.0])
                    assert _close(candidate(closes, 1), [nan, 1.0, 2.0, -1.0, 3.0])
                    assert _close(candidate([10.0, 11.0], 3), [nan, nan])
                    assert _raises(candidate, ValueError, [1.0, 2.0], 0)
                """,
                [
                    """
                    if lag < 1:
                        raise ValueError("lag must be a positive bar count")
                    diffs = [float("nan")] * min(lag, len(closes))
                    diffs.extend(closes[i] / closes[i - lag] - 1 for i in range(lag, len(closes)))
                    return diffs
                    """,
                    """
                    if lag < 1:
                        raise ValueError("lag must be a positive bar count")
                    diffs = [float("nan")] * min(lag - 1, len(closes))
                    diffs.extend(
                        closes[i] - closes[i - lag + 1] for i in range(lag - 1, len(closes))
                    )
                    return diffs
                    """,
                ],
            ),
            spec(
                "chande_momentum_oscillator",
                "medium",
                '''
                def chande_momentum_oscillator(closes: list[float], window: int) -> list[float]:
                    """Chande Momentum Oscillator (CMO), bounded in ``[-100, 100]``.

                    With one-bar changes ``d[j] = closes[j] - closes[j - 1]``, position ``i`` uses
                    the ``window`` changes ``d[i - window + 1] .. d[i]``: ``up`` is the sum of the
                    positive changes, ``down`` the sum of the magnitudes of the negative ones, and
                    ``cmo = 100 * (up - down) / (up + down)`` (0.0 when ``up + down == 0``). The
                    first ``window`` positions lack enough changes and are ``float("nan")``. Raise
                    ``ValueError`` for ``window < 1``.

                    >>> [round(x, 2) for x in chande_momentum_oscillator([10, 12, 11, 11, 14], 3)]
                    [nan, nan, nan, 33.33, 50.0]
                    """
                ''',
                """
                if window < 1:
                    raise ValueError("window must be one or more")
                changes = [b - a for a, b in zip(closes, closes[1:])]
                out = [float("nan")] * min(window, len(closes))
                for i in range(window, len(closes)):
                    recent = changes[i - window : i]
                    gains = sum(c for c in recent if c > 0)
                    losses = -sum(c for c in recent if c < 0)
                    total = gains + losses
                    out.append(0.0 if total == 0 else 100.0 * (gains - losses) / total)
                return out
                """,
                """
                def check(candidate):
                    got = candidate([10, 12, 11, 11, 14, 10], 3)
                    assert _close(got, [nan, nan, nan, 100 / 3, 50.0, -100 / 7])
                    assert _close(candidate([10, 12, 11], 1), [nan, 100.0, -100.0])
                    assert _close(candidate([5, 5, 5], 2), [nan, nan, 0.0])
                    assert _raises(candidate, ValueError, [1.0, 2.0], 0)
                """,
                [
                    """
                    if window < 1:
                        raise ValueError("window must be one or more")
                    changes = [b - a for a, b in zip(closes, closes[1:])]
                    out = [float("nan")] * min(window, len(closes))
                    for i in range(window, len(closes)):
                        recent = changes[i - window : i]
                        gains = sum(c for c in recent if c > 0)
                        losses = -sum(c for c in recent if c < 0)
                        total = gains + losses
                        out.append(0.0 if total == 0 else 100.0 * gains / total)
                    return out
                    """,
                    """
                    if window < 1:
                        raise ValueError("window must be one or more")
                    changes = [b - a for a, b in zip(closes, closes[1:])]
                    out = [float("nan")] * min(window, len(closes))
                    for i in range(window, len(closes)):
                        recent = changes[i - window : i]
                        gains = sum(c for c in recent if c > 0)
                        losses = -sum(c for c in recent if c < 0)
                        out.append(100.0 * (gains - losses) / window)
                    return out
                    """,
                ],
            ),
            spec(
                "detrended_price_oscillator",
                "medium",
                '''
                def detrended_price_oscillator(closes: list[float], window: int) -> list[float]:
                    """Detrended Price Oscillator (DPO), the non-centred variant.

                    With ``shift = window // 2 + 1`` and ``avg[i]`` the simple mean of
                    ``closes[i - window + 1 .. i]``, the value at bar ``i`` is
                    ``closes[i - shift] - avg[i]``: a past close compared with the current
                    average. Any bar where the average or the shifted close does not exist yet
                    (``i < window - 1`` or ``i < shift``) is ``float("nan")``. Raise
                    ``ValueError`` if ``window < 2``.

                    >>> detrended_price_oscillator([1.0, 2.0, 4.0, 7.0], 2)
                    [nan, nan, -2.0, -3.5]
                    """
                ''',
                """
                if window < 2:
                    raise ValueError("DPO needs a window of two bars or more")
                shift = window // 2 + 1
                first = max(window - 1, shift)
                dpo = []
                for i, _ in enumerate(closes):
                    if i < first:
                        dpo.append(float("nan"))
                    else:
                        mean = sum(closes[i - window + 1 : i + 1]) / window
                        dpo.append(closes[i - shift] - mean)
                return dpo
                """,
                """
                def check(candidate):
                    closes = [1.0, 2.0, 4.0, 7.0, 11.0, 16.0]
                    assert _close(candidate(closes, 4), [nan, nan, nan, -2.5, -4.0, -5.5])
                    assert _close(candidate([1.0, 2.0, 4.0, 7.0], 2), [nan, nan, -2.0, -3.5])
                    assert _close(candidate([3.0, 3.0], 5), [nan, nan])
                    assert _raises(candidate, ValueError, [1.0, 2.0, 3.0], 1)
                """,
                [
                    """
                    if window < 2:
                        raise ValueError("DPO needs a window of two bars or more")
                    shift = window // 2
                    first = max(window - 1, shift)
                    dpo = []
                    for i, _ in enumerate(closes):
                        if i < first:
                            dpo.append(float("nan"))
                        else:
                            mean = sum(closes[i - window + 1 : i + 1]) / window
                            dpo.append(closes[i - shift] - mean)
                    return dpo
                    """,
                    """
                    if window < 2:
                        raise ValueError("DPO needs a window of two bars or more")
                    shift = window // 2 + 1
                    first = max(window - 1, shift)
                    dpo = []
                    for i, _ in enumerate(closes):
                        if i < first:
                            dpo.append(float("nan"))
                        else:
                            mean = sum(closes[i - window + 1 : i + 1]) / window
                            dpo.append(closes[i] - mean)
                    return dpo
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "low_lag_moving_averages",
        "signals_indicators",
        [
            spec(
                "hull_moving_average",
                "medium",
                '''
                import math


                def hull_moving_average(values: list[float], window: int) -> list[float]:
                    """Hull moving average (HMA).

                    Let ``lw(x, k)`` be the linearly weighted mean of the last ``k`` entries of a
                    series, weights ``1, 2, ..., k`` from oldest to newest. With
                    ``half = window // 2`` and ``root = int(math.sqrt(window))``:
                    ``raw[i] = 2 * lw(values, half)[i] - lw(values, window)[i]`` and
                    ``hma = lw(raw, root)``. A position is ``float("nan")`` until every term
                    exists, i.e. the first ``window + root - 2`` positions. Raise ``ValueError``
                    if ``window < 2``.

                    >>> hma = hull_moving_average([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 4)
                    >>> [round(x, 6) for x in hma]
                    [nan, nan, nan, nan, 5.0, 6.0]
                    """
                ''',
                """
                if window < 2:
                    raise ValueError("the Hull average needs window >= 2")

                def lw(series, k):
                    denom = k * (k + 1) / 2
                    smoothed = []
                    for i in range(len(series)):
                        chunk = series[i - k + 1 : i + 1] if i >= k - 1 else []
                        if not chunk or any(math.isnan(x) for x in chunk):
                            smoothed.append(math.nan)
                        else:
                            smoothed.append(sum(w * x for w, x in enumerate(chunk, 1)) / denom)
                    return smoothed

                fast = lw(values, window // 2)
                slow = lw(values, window)
                raw = [2 * f - s for f, s in zip(fast, slow)]
                return lw(raw, int(math.sqrt(window)))
                """,
                """
                def check(candidate):
                    got = candidate([0.0, 0.0, 0.0, 0.0, 6.0, 0.0, 0.0], 4)
                    assert _close(got, [nan, nan, nan, nan, 11.2 / 3, 10 / 3, -1 / 15])
                    linear = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
                    assert _close(candidate(linear, 4), [nan, nan, nan, nan, 5.0, 6.0])
                    assert _close(candidate([1.0, 2.0, 3.0], 4), [nan, nan, nan])
                    assert _raises(candidate, ValueError, [1.0, 2.0], 1)
                """,
                [
                    """
                    if window < 2:
                        raise ValueError("the Hull average needs window >= 2")

                    def lw(series, k):
                        smoothed = []
                        for i in range(len(series)):
                            chunk = series[i - k + 1 : i + 1] if i >= k - 1 else []
                            if not chunk or any(math.isnan(x) for x in chunk):
                                smoothed.append(math.nan)
                            else:
                                smoothed.append(sum(chunk) / k)
                        return smoothed

                    fast = lw(values, window // 2)
                    slow = lw(values, window)
                    raw = [2 * f - s for f, s in zip(fast, slow)]
                    return lw(raw, int(math.sqrt(window)))
                    """,
                    """
                    if window < 2:
                        raise ValueError("the Hull average needs window >= 2")

                    def lw(series, k):
                        denom = k * (k + 1) / 2
                        smoothed = []
                        for i in range(len(series)):
                            chunk = series[i - k + 1 : i + 1] if i >= k - 1 else []
                            if not chunk or any(math.isnan(x) for x in chunk):
                                smoothed.append(math.nan)
                            else:
                                weighted = sum(w * x for w, x in enumerate(reversed(chunk), 1))
                                smoothed.append(weighted / denom)
                        return smoothed

                    fast = lw(values, window // 2)
                    slow = lw(values, window)
                    raw = [2 * f - s for f, s in zip(fast, slow)]
                    return lw(raw, int(math.sqrt(window)))
                    """,
                ],
            ),
            spec(
                "double_ema",
                "medium",
                '''
                def double_ema(values: list[float], span: int) -> list[float]:
                    """Double exponential moving average (DEMA): ``2 * e1 - e2``.

                    ``e1`` is the exponential average of ``values`` and ``e2`` the exponential
                    average of ``e1``. Both use ``k = 2 / (span + 1)``, start at their first input
                    and update as ``prev + k * (x - prev)``, so no position is ``nan``. An empty
                    input returns ``[]``; ``span < 1`` raises ``ValueError``.

                    >>> double_ema([1.0, 2.0, 3.0], 3)
                    [1.0, 1.75, 2.75]
                    """
                ''',
                """
                if span < 1:
                    raise ValueError("span must be at least 1")
                k = 2.0 / (span + 1.0)

                def smooth(series):
                    result = []
                    for x in series:
                        prev = result[-1] if result else x
                        result.append(prev + k * (x - prev))
                    return result

                e1 = smooth(values)
                e2 = smooth(e1)
                return [2 * a - b for a, b in zip(e1, e2)]
                """,
                """
                def check(candidate):
                    assert _close(candidate([1.0, 2.0, 3.0], 3), [1.0, 1.75, 2.75])
                    assert _close(candidate([0.0, 8.0, 8.0], 3), [0.0, 6.0, 8.0])
                    assert _close(candidate([10.0, 20.0, 5.0], 1), [10.0, 20.0, 5.0])
                    assert _close(candidate([], 4), [])
                    assert _raises(candidate, ValueError, [1.0], 0)
                """,
                [
                    """
                    if span < 1:
                        raise ValueError("span must be at least 1")
                    k = 1.0 / span

                    def smooth(series):
                        result = []
                        for x in series:
                            prev = result[-1] if result else x
                            result.append(prev + k * (x - prev))
                        return result

                    e1 = smooth(values)
                    e2 = smooth(e1)
                    return [2 * a - b for a, b in zip(e1, e2)]
                    """,
                    """
                    if span < 1:
                        raise ValueError("span must be at least 1")
                    k = 2.0 / (span + 1.0)

                    def smooth(series):
                        result = []
                        for x in series:
                            prev = result[-1] if result else x
                            result.append(prev + k * (x - prev))
                        return result

                    e1 = smooth(values)
                    e2 = smooth(e1)
                    return [(a + b) / 2 for a, b in zip(e1, e2)]
                    """,
                ],
            ),
            spec(
                "kaufman_adaptive_ma",
                "hard",
                '''
                def kaufman_adaptive_ma(
                    closes: list[float], window: int = 10, fast: int = 2, slow: int = 30
                ) -> list[float]:
                    """Kaufman's adaptive moving average (KAMA).

                    Efficiency ratio at bar ``i >= window``:
                    ``er = abs(closes[i] - closes[i - window]) / noise`` where ``noise`` is the sum
                    of ``abs(closes[j] - closes[j - 1])`` for ``j`` in ``i - window + 1 .. i``
                    (``er = 0`` when ``noise == 0``). With ``f = 2 / (fast + 1)`` and
                    ``s = 2 / (slow + 1)`` the smoothing constant is
                    ``sc = (er * (f - s) + s) ** 2`` and
                    ``kama[i] = kama[i - 1] + sc * (closes[i] - kama[i - 1])``. The line is seeded
                    with ``kama[window - 1] = closes[window - 1]``; earlier positions are
                    ``float("nan")``. Raise ``ValueError`` if ``window``, ``fast`` or ``slow`` is
                    below 1.

                    >>> [round(x, 4) for x in kaufman_adaptive_ma([10, 11, 12, 13, 11], 2, 1, 3)]
                    [nan, 11.0, 12.0, 13.0, 12.1111]
                    """
                ''',
                """
                if min(window, fast, slow) < 1:
                    raise ValueError("window, fast and slow must all be >= 1")
                f = 2.0 / (fast + 1)
                s = 2.0 / (slow + 1)
                line = [float("nan")] * min(window - 1, len(closes))
                if len(closes) < window:
                    return line
                line.append(float(closes[window - 1]))
                for i in range(window, len(closes)):
                    net = abs(closes[i] - closes[i - window])
                    steps = zip(closes[i - window : i], closes[i - window + 1 : i + 1])
                    noise = sum(abs(y - x) for x, y in steps)
                    er = net / noise if noise else 0.0
                    sc = (er * (f - s) + s) ** 2
                    line.append(line[-1] + sc * (closes[i] - line[-1]))
                return line
                """,
                """
                def check(candidate):
                    got = candidate([10.0, 11.0, 12.0, 13.0, 11.0], 2, 1, 3)
                    assert _close(got, [nan, 11.0, 12.0, 13.0, 109 / 9])
                    got = candidate([1.0, 2.0, 3.0, 4.0, 5.0], 3, 2, 30)
                    assert _close(got, [nan, nan, 3.0, 31 / 9, 335 / 81])
                    assert _close(candidate([5.0, 5.0, 5.0, 5.0], 2, 2, 30), [nan, 5.0, 5.0, 5.0])
                    assert _close(candidate([5.0], 3), [nan])
                    assert _raises(candidate, ValueError, [1.0, 2.0], 0)
                """,
                [
                    """
                    if min(window, fast, slow) < 1:
                        raise ValueError("window, fast and slow must all be >= 1")
                    f = 2.0 / (fast + 1)
                    s = 2.0 / (slow + 1)
                    line = [float("nan")] * min(window - 1, len(closes))
                    if len(closes) < window:
                        return line
                    line.append(float(closes[window - 1]))
                    for i in range(window, len(closes)):
                        net = abs(closes[i] - closes[i - window])
                        steps = zip(closes[i - window : i], closes[i - window + 1 : i + 1])
                        noise = sum(abs(y - x) for x, y in steps)
                        er = net / noise if noise else 0.0
                        sc = er * (f - s) + s
                        line.append(line[-1] + sc * (closes[i] - line[-1]))
                    return line
                    """,
                    """
                    if min(window, fast, slow) < 1:
                        raise ValueError("window, fast and slow must all be >= 1")
                    f = 2.0 / (fast + 1)
                    s = 2.0 / (slow + 1)
                    line = [float("nan")] * min(window - 1, len(closes))
                    if len(closes) < window:
                        return line
                    line.append(sum(closes[:window]) / window)
                    for i in range(window, len(closes)):
                        net = abs(closes[i] - closes[i - window])
                        steps = zip(closes[i - window : i], closes[i - window + 1 : i + 1])
                        noise = sum(abs(y - x) for x, y in steps)
                        er = net / noise if noise else 0.0
                        sc = (er * (f - s) + s) ** 2
                        line.append(line[-1] + sc * (closes[i] - line[-1]))
                    return line
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "volume_flow",
        "signals_indicators",
        [
            spec(
                "accumulation_distribution_line",
                "easy",
                '''
                def accumulation_distribution_line(
                    highs: list[float], lows: list[float], closes: list[float], volumes: list[float]
                ) -> list[float]:
                    """Accumulation/distribution line: running total of money-flow volume.

                    Each bar's close location is ``clv = ((close - low) - (high - close)) /
                    (high - low)``, taken as 0.0 for a bar with ``high == low``. The bar adds
                    ``clv * volume`` to the running total, and the output holds the total after
                    every bar (no warm-up). Raise ``ValueError`` if the four lists are not all the
                    same length.

                    >>> accumulation_distribution_line([10, 12], [8, 10], [9.5, 10], [100, 200])
                    [50.0, -150.0]
                    """
                ''',
                """
                if not len(highs) == len(lows) == len(closes) == len(volumes):
                    raise ValueError("all input series need the same number of bars")
                line = []
                running = 0.0
                for h, lo, c, v in zip(highs, lows, closes, volumes):
                    spread = h - lo
                    clv = ((c - lo) - (h - c)) / spread if spread else 0.0
                    running += clv * v
                    line.append(running)
                return line
                """,
                """
                def check(candidate):
                    got = candidate([10, 12, 11], [8, 10, 9], [9.5, 10, 11], [100, 200, 50])
                    assert _close(got, [50.0, -150.0, -100.0])
                    got = candidate([5.0, 6.0], [5.0, 4.0], [5.0, 6.0], [10.0, 3.0])
                    assert _close(got, [0.0, 3.0])
                    assert _close(candidate([], [], [], []), [])
                    assert _raises(candidate, ValueError, [1.0, 2.0], [1.0], [1.0], [1.0])
                """,
                [
                    """
                    if not len(highs) == len(lows) == len(closes) == len(volumes):
                        raise ValueError("all input series need the same number of bars")
                    line = []
                    running = 0.0
                    for h, lo, c, v in zip(highs, lows, closes, volumes):
                        spread = h - lo
                        clv = (c - lo) / spread if spread else 0.0
                        running += clv * v
                        line.append(running)
                    return line
                    """,
                    """
                    if not len(highs) == len(lows) == len(closes) == len(volumes):
                        raise ValueError("all input series need the same number of bars")
                    line = []
                    for h, lo, c, v in zip(highs, lows, closes, volumes):
                        spread = h - lo
                        clv = ((c - lo) - (h - c)) / spread if spread else 0.0
                        line.append(clv * v)
                    return line
                    """,
                ],
            ),
            spec(
                "chaikin_money_flow",
                "medium",
                '''
                def chaikin_money_flow(
                    highs: list[float],
                    lows: list[float],
                    closes: list[float],
                    volumes: list[float],
                    window: int = 20,
                ) -> list[float]:
                    """Chaikin money flow over a rolling window.

                    Per bar, ``mfv = clv * volume`` with the close location value
                    ``clv = (2 * close - high - low) / (high - low)`` (0.0 when ``high == low``).
                    At bar ``i >= window - 1``: ``cmf = sum(mfv) / sum(volume)`` over bars
                    ``i - window + 1 .. i``, or 0.0 if that volume sum is zero. Earlier bars are
                    ``float("nan")``. Raise ``ValueError`` on unequal list lengths or
                    ``window < 1``.

                    >>> h, lo, c, v = [10, 12, 11], [8, 10, 9], [9.5, 10, 11], [100, 200, 50]
                    >>> chaikin_money_flow(h, lo, c, v, 2)
                    [nan, -0.5, -0.6]
                    """
                ''',
                """
                n = len(closes)
                if any(len(x) != n for x in (highs, lows, volumes)):
                    raise ValueError("highs, lows, closes and volumes differ in length")
                if window < 1:
                    raise ValueError("window must count at least one bar")
                flow = []
                for h, lo, c, v in zip(highs, lows, closes, volumes):
                    flow.append((2 * c - h - lo) / (h - lo) * v if h != lo else 0.0)
                cmf = []
                for i in range(n):
                    if i + 1 < window:
                        cmf.append(float("nan"))
                        continue
                    vol = sum(volumes[i + 1 - window : i + 1])
                    cmf.append(sum(flow[i + 1 - window : i + 1]) / vol if vol else 0.0)
                return cmf
                """,
                """
                def check(candidate):
                    h, lo, c, v = [10, 12, 11], [8, 10, 9], [9.5, 10, 11], [100, 200, 50]
                    assert _close(candidate(h, lo, c, v, 2), [nan, -0.5, -0.6])
                    assert _close(candidate(h, lo, c, v, 1), [0.5, -1.0, 1.0])
                    assert _close(candidate([2, 2], [1, 1], [2, 1], [0, 0], 2), [nan, 0.0])
                    assert _raises(candidate, ValueError, h, lo, c, v, 0)
                """,
                [
                    """
                    n = len(closes)
                    if any(len(x) != n for x in (highs, lows, volumes)):
                        raise ValueError("highs, lows, closes and volumes differ in length")
                    if window < 1:
                        raise ValueError("window must count at least one bar")
                    clvs = []
                    for h, lo, c in zip(highs, lows, closes):
                        clvs.append((2 * c - h - lo) / (h - lo) if h != lo else 0.0)
                    cmf = []
                    for i in range(n):
                        if i + 1 < window:
                            cmf.append(float("nan"))
                            continue
                        cmf.append(sum(clvs[i + 1 - window : i + 1]) / window)
                    return cmf
                    """,
                    """
                    n = len(closes)
                    if any(len(x) != n for x in (highs, lows, volumes)):
                        raise ValueError("highs, lows, closes and volumes differ in length")
                    if window < 1:
                        raise ValueError("window must count at least one bar")
                    flow = []
                    for h, lo, c, v in zip(highs, lows, closes, volumes):
                        flow.append((2 * c - h - lo) / (h - lo) * v if h != lo else 0.0)
                    cmf = []
                    for i in range(n):
                        if i + 1 < window:
                            cmf.append(float("nan"))
                            continue
                        vol = sum(volumes[: i + 1])
                        cmf.append(sum(flow[: i + 1]) / vol if vol else 0.0)
                    return cmf
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "bands_and_levels",
        "signals_indicators",
        [
            spec(
                "percent_b",
                "medium",
                '''
                import math


                def percent_b(
                    closes: list[float], window: int, num_std: float = 2.0
                ) -> list[float]:
                    """%B: where the close sits inside its volatility bands.

                    At bar ``i >= window - 1`` take the last ``window`` closes, their mean ``m`` and
                    their *population* standard deviation ``sd`` (divide by ``window``). The bands
                    are ``m +/- num_std * sd`` and ``%B = (close - lower) / (upper - lower)``:
                    0 at the lower band, 1 at the upper band. When the bands coincide
                    (``sd == 0``) the value is 0.5. Earlier bars are ``float("nan")``. Raise
                    ``ValueError`` when ``window < 1``.

                    >>> percent_b([2.0, 2.0, 4.0], 2, 1.0)
                    [nan, 0.5, 1.0]
                    """
                ''',
                """
                if window < 1:
                    raise ValueError("window should be 1 or larger")
                pb = []
                for i, close in enumerate(closes):
                    if i < window - 1:
                        pb.append(math.nan)
                        continue
                    recent = closes[i - window + 1 : i + 1]
                    m = sum(recent) / window
                    sd = math.sqrt(sum((x - m) ** 2 for x in recent) / window)
                    width = 2 * num_std * sd
                    pb.append(0.5 if width == 0 else (close - (m - num_std * sd)) / width)
                return pb
                """,
                """
                def check(candidate):
                    closes = [1.0, 3.0, 5.0, 3.0]
                    expected = [nan, nan, 0.5 + math.sqrt(3 / 8), 0.5 - 1 / (2 * math.sqrt(2))]
                    assert _close(candidate(closes, 3, 1.0), expected)
                    assert _close(candidate(closes, 3)[2], 0.5 + 0.5 * math.sqrt(3 / 8))
                    assert _close(candidate([2.0, 2.0, 2.0], 2), [nan, 0.5, 0.5])
                    assert _raises(candidate, ValueError, [1.0, 2.0], 0)
                """,
                [
                    """
                    if window < 1:
                        raise ValueError("window should be 1 or larger")
                    pb = []
                    for i, close in enumerate(closes):
                        if i < window - 1:
                            pb.append(math.nan)
                            continue
                        recent = closes[i - window + 1 : i + 1]
                        m = sum(recent) / window
                        sd = math.sqrt(sum((x - m) ** 2 for x in recent) / max(window - 1, 1))
                        width = 2 * num_std * sd
                        pb.append(0.5 if width == 0 else (close - (m - num_std * sd)) / width)
                    return pb
                    """,
                    """
                    if window < 1:
                        raise ValueError("window should be 1 or larger")
                    pb = []
                    for i, close in enumerate(closes):
                        if i < window - 1:
                            pb.append(math.nan)
                            continue
                        recent = closes[i - window + 1 : i + 1]
                        m = sum(recent) / window
                        sd = math.sqrt(sum((x - m) ** 2 for x in recent) / window)
                        upper = m + num_std * sd
                        pb.append(0.5 if sd == 0 else (close - (m - num_std * sd)) / upper)
                    return pb
                    """,
                ],
            ),
            spec(
                "keltner_channel",
                "medium",
                '''
                def keltner_channel(
                    highs: list[float],
                    lows: list[float],
                    closes: list[float],
                    ema_span: int = 20,
                    atr_window: int = 10,
                    multiplier: float = 2.0,
                ) -> tuple[list[float], list[float], list[float]]:
                    """Keltner channel: an EMA midline with bands a multiple of the range away.

                    ``middle`` is the recursive EMA of ``closes`` with ``a = 2 / (ema_span + 1)``,
                    starting at ``closes[0]`` (``m[i] = a * closes[i] + (1 - a) * m[i - 1]``); it
                    has no warm-up. The range of bar 0 is ``highs[0] - lows[0]``; for later bars it
                    is the largest of ``high - low``, ``abs(high - prev_close)`` and
                    ``abs(low - prev_close)``. ``rng[i]`` is the plain mean of the last
                    ``atr_window`` ranges (``nan`` for ``i < atr_window - 1``), and the bands are
                    ``middle -/+ multiplier * rng``. Return ``(lower, middle, upper)``. Raise
                    ``ValueError`` for lists of unequal length or ``atr_window < 1``.

                    >>> keltner_channel([11, 12], [9, 10], [10, 11], ema_span=3, atr_window=2,
                    ...                 multiplier=1.0)
                    ([nan, 8.5], [10.0, 10.5], [nan, 12.5])
                    """
                ''',
                """
                if not len(highs) == len(lows) == len(closes):
                    raise ValueError("price lists must line up bar for bar")
                if atr_window < 1:
                    raise ValueError("atr_window must be positive")
                a = 2.0 / (ema_span + 1)
                middle, ranges = [], []
                for i, (h, lo, c) in enumerate(zip(highs, lows, closes)):
                    if i == 0:
                        middle.append(float(c))
                        ranges.append(h - lo)
                    else:
                        middle.append(a * c + (1 - a) * middle[-1])
                        pc = closes[i - 1]
                        ranges.append(max(h - lo, abs(h - pc), abs(lo - pc)))
                lower, upper = [], []
                for i, mid in enumerate(middle):
                    if i < atr_window - 1:
                        lower.append(float("nan"))
                        upper.append(float("nan"))
                        continue
                    width = multiplier * sum(ranges[i - atr_window + 1 : i + 1]) / atr_window
                    lower.append(mid - width)
                    upper.append(mid + width)
                return lower, middle, upper
                """,
                """
                def check(candidate):
                    h, lo, c = [11, 12, 15], [9, 10, 13.5], [10, 11, 14]
                    got = candidate(h, lo, c, 3, 2, 1.0)
                    assert _close(got, ([nan, 8.5, 9.25], [10.0, 10.5, 12.25], [nan, 12.5, 15.25]))
                    got = candidate(h, lo, c, 1, 1, 2.0)
                    assert _close(got, ([6.0, 7.0, 6.0], [10.0, 11.0, 14.0], [14.0, 15.0, 22.0]))
                    assert _close(candidate([], [], [], 3, 2), ([], [], []))
                    assert _raises(candidate, ValueError, [1.0, 2.0], [1.0], [1.0, 2.0])
                """,
                [
                    """
                    if not len(highs) == len(lows) == len(closes):
                        raise ValueError("price lists must line up bar for bar")
                    if atr_window < 1:
                        raise ValueError("atr_window must be positive")
                    a = 2.0 / (ema_span + 1)
                    middle, ranges = [], []
                    for i, (h, lo, c) in enumerate(zip(highs, lows, closes)):
                        middle.append(float(c) if i == 0 else a * c + (1 - a) * middle[-1])
                        ranges.append(h - lo)
                    lower, upper = [], []
                    for i, mid in enumerate(middle):
                        if i < atr_window - 1:
                            lower.append(float("nan"))
                            upper.append(float("nan"))
                            continue
                        width = multiplier * sum(ranges[i - atr_window + 1 : i + 1]) / atr_window
                        lower.append(mid - width)
                        upper.append(mid + width)
                    return lower, middle, upper
                    """,
                    """
                    if not len(highs) == len(lows) == len(closes):
                        raise ValueError("price lists must line up bar for bar")
                    if atr_window < 1:
                        raise ValueError("atr_window must be positive")
                    middle, ranges = [], []
                    for i, (h, lo, c) in enumerate(zip(highs, lows, closes)):
                        start = max(0, i - ema_span + 1)
                        middle.append(sum(closes[start : i + 1]) / (i + 1 - start))
                        if i == 0:
                            ranges.append(h - lo)
                        else:
                            pc = closes[i - 1]
                            ranges.append(max(h - lo, abs(h - pc), abs(lo - pc)))
                    lower, upper = [], []
                    for i, mid in enumerate(middle):
                        if i < atr_window - 1:
                            lower.append(float("nan"))
                            upper.append(float("nan"))
                            continue
                        width = multiplier * sum(ranges[i - atr_window + 1 : i + 1]) / atr_window
                        lower.append(mid - width)
                        upper.append(mid + width)
                    return lower, middle, upper
                    """,
                ],
            ),
            spec(
                "classic_pivot_points",
                "easy",
                '''
                def classic_pivot_points(high: float, low: float, close: float) -> dict[str, float]:
                    """Floor-trader pivot levels for the next session from one session's H/L/C.

                    ``pp = (high + low + close) / 3``; ``r1 = 2 * pp - low``,
                    ``s1 = 2 * pp - high``; ``r2 = pp + (high - low)``, ``s2 = pp - (high - low)``;
                    ``r3 = high + 2 * (pp - low)``, ``s3 = low - 2 * (high - pp)``. Return a dict
                    with keys ``"pp", "r1", "r2", "r3", "s1", "s2", "s3"``. Raise ``ValueError``
                    if ``high < low`` or ``close`` lies outside ``[low, high]``.

                    >>> classic_pivot_points(110.0, 90.0, 100.0)["r3"]
                    130.0
                    """
                ''',
                """
                if high < low or not low <= close <= high:
                    raise ValueError("inconsistent session: need low <= close <= high")
                pp = (high + low + close) / 3
                span = high - low
                return {
                    "pp": pp,
                    "r1": 2 * pp - low,
                    "r2": pp + span,
                    "r3": high + 2 * (pp - low),
                    "s1": 2 * pp - high,
                    "s2": pp - span,
                    "s3": low - 2 * (high - pp),
                }
                """,
                """
                def check(candidate):
                    got = candidate(110.0, 90.0, 100.0)
                    want = {"pp": 100.0, "r1": 110.0, "r2": 120.0, "r3": 130.0}
                    want.update({"s1": 90.0, "s2": 80.0, "s3": 70.0})
                    assert _close(got, want)
                    got = candidate(12.0, 6.0, 12.0)
                    want = {"pp": 10.0, "r1": 14.0, "r2": 16.0, "r3": 20.0}
                    want.update({"s1": 8.0, "s2": 4.0, "s3": 2.0})
                    assert _close(got, want)
                    assert _raises(candidate, ValueError, 5.0, 6.0, 5.5)
                    assert _raises(candidate, ValueError, 10.0, 8.0, 11.0)
                """,
                [
                    """
                    if high < low or not low <= close <= high:
                        raise ValueError("inconsistent session: need low <= close <= high")
                    pp = (high + low + 2 * close) / 4
                    span = high - low
                    return {
                        "pp": pp,
                        "r1": 2 * pp - low,
                        "r2": pp + span,
                        "r3": high + 2 * (pp - low),
                        "s1": 2 * pp - high,
                        "s2": pp - span,
                        "s3": low - 2 * (high - pp),
                    }
                    """,
                    """
                    if high < low or not low <= close <= high:
                        raise ValueError("inconsistent session: need low <= close <= high")
                    pp = (high + low + close) / 3
                    span = high - low
                    return {
                        "pp": pp,
                        "r1": 2 * pp - low,
                        "r2": pp + span,
                        "r3": pp + 2 * span,
                        "s1": 2 * pp - high,
                        "s2": pp - span,
                        "s3": pp - 2 * span,
                    }
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "directional_movement",
        "signals_indicators",
        [
            spec(
                "directional_movement",
                "easy",
                '''
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
                ''',
                """
                if len(highs) != len(lows):
                    raise ValueError("need one low per high")
                plus = [float("nan")] * min(1, len(highs))
                minus = list(plus)
                for i in range(1, len(highs)):
                    up = highs[i] - highs[i - 1]
                    down = lows[i - 1] - lows[i]
                    plus.append(float(up) if up > down and up > 0 else 0.0)
                    minus.append(float(down) if down > up and down > 0 else 0.0)
                return plus, minus
                """,
                """
                def check(candidate):
                    plus, minus = candidate([10, 12, 11, 11, 14], [8, 9, 6, 7, 9])
                    assert _close(plus, [nan, 2.0, 0.0, 0.0, 3.0])
                    assert _close(minus, [nan, 0.0, 3.0, 0.0, 0.0])
                    assert _close(candidate([10, 12], [8, 7]), ([nan, 2.0], [nan, 0.0]))
                    assert _close(candidate([10, 12], [8, 6]), ([nan, 0.0], [nan, 0.0]))
                    assert _raises(candidate, ValueError, [1.0, 2.0], [1.0])
                """,
                [
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
                    """,
                    """
                    if len(highs) != len(lows):
                        raise ValueError("need one low per high")
                    plus = [float("nan")] * min(1, len(highs))
                    minus = list(plus)
                    for i in range(1, len(highs)):
                        up = highs[i] - highs[i - 1]
                        down = lows[i - 1] - lows[i]
                        plus.append(float(up) if up >= down and up > 0 else 0.0)
                        minus.append(float(down) if down > up and down > 0 else 0.0)
                    return plus, minus
                    """,
                ],
            ),
            spec(
                "directional_indicators",
                "medium",
                '''
                def directional_indicators(
                    highs: list[float], lows: list[float], closes: list[float], window: int = 14
                ) -> tuple[list[float], list[float]]:
                    """Wilder's +DI and -DI.

                    For each bar ``i >= 1`` compute the true range
                    ``max(high - low, abs(high - closes[i-1]), abs(low - closes[i-1]))`` and the
                    directional movement (``up = highs[i] - highs[i-1]``,
                    ``down = lows[i-1] - lows[i]``; ``+DM = up`` if ``up > down`` and ``up > 0``
                    else 0; ``-DM = down`` if ``down > up`` and ``down > 0`` else 0). Each of the
                    three series is Wilder-smoothed: at bar ``window`` the smoothed value is the
                    plain sum over bars ``1 .. window``, afterwards ``S = S - S / window + x``.
                    ``+DI = 100 * S(+DM) / S(TR)`` and ``-DI = 100 * S(-DM) / S(TR)`` (0.0 when
                    ``S(TR) == 0``). Bars before ``window`` are ``float("nan")``. Return
                    ``(plus_di, minus_di)``; raise ``ValueError`` on unequal lengths or
                    ``window < 1``.

                    >>> p, m = directional_indicators([10, 12, 11], [8, 9, 7], [9, 11, 8], 2)
                    >>> [round(x, 2) for x in p], [round(x, 2) for x in m]
                    ([nan, nan, 28.57], [nan, nan, 28.57])
                    """
                ''',
                """
                n = len(closes)
                if len(highs) != n or len(lows) != n:
                    raise ValueError("highs, lows and closes must be the same length")
                if window < 1:
                    raise ValueError("smoothing window must be >= 1")
                plus_di = [float("nan")] * n
                minus_di = [float("nan")] * n
                s_tr = s_plus = s_minus = 0.0
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
                    if i >= window:
                        plus_di[i] = 100.0 * s_plus / s_tr if s_tr else 0.0
                        minus_di[i] = 100.0 * s_minus / s_tr if s_tr else 0.0
                return plus_di, minus_di
                """,
                """
                def check(candidate):
                    h = [10, 12, 11, 14, 13]
                    lo = [8, 9, 7, 10, 9]
                    c = [9, 11, 8, 13, 10]
                    plus, minus = candidate(h, lo, c, 2)
                    assert _close(plus, [nan, nan, 200 / 7, 400 / 9.5, 200 / 8.75])
                    assert _close(minus, [nan, nan, 200 / 7, 100 / 9.5, 150 / 8.75])
                    assert _close(candidate([5, 5], [5, 5], [5, 5], 1), ([nan, 0.0], [nan, 0.0]))
                    assert _close(candidate(h[:2], lo[:2], c[:2], 3), ([nan, nan], [nan, nan]))
                    assert _raises(candidate, ValueError, h, lo, c[:3], 2)
                """,
                [
                    """
                    n = len(closes)
                    if len(highs) != n or len(lows) != n:
                        raise ValueError("highs, lows and closes must be the same length")
                    if window < 1:
                        raise ValueError("smoothing window must be >= 1")
                    plus_di = [float("nan")] * n
                    minus_di = [float("nan")] * n
                    trs, pdms, mdms = [0.0], [0.0], [0.0]
                    for i in range(1, n):
                        pc = closes[i - 1]
                        trs.append(max(highs[i] - lows[i], abs(highs[i] - pc), abs(lows[i] - pc)))
                        up = highs[i] - highs[i - 1]
                        down = lows[i - 1] - lows[i]
                        pdms.append(up if up > down and up > 0 else 0.0)
                        mdms.append(down if down > up and down > 0 else 0.0)
                        if i >= window:
                            s_tr = sum(trs[i - window + 1 : i + 1])
                            s_plus = sum(pdms[i - window + 1 : i + 1])
                            s_minus = sum(mdms[i - window + 1 : i + 1])
                            plus_di[i] = 100.0 * s_plus / s_tr if s_tr else 0.0
                            minus_di[i] = 100.0 * s_minus / s_tr if s_tr else 0.0
                    return plus_di, minus_di
                    """,
                    """
                    n = len(closes)
                    if len(highs) != n or len(lows) != n:
                        raise ValueError("highs, lows and closes must be the same length")
                    if window < 1:
                        raise ValueError("smoothing window must be >= 1")
                    plus_di = [float("nan")] * n
                    minus_di = [float("nan")] * n
                    s_tr = s_plus = s_minus = 0.0
                    for i in range(1, n):
                        tr = highs[i] - lows[i]
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
                        if i >= window:
                            plus_di[i] = 100.0 * s_plus / s_tr if s_tr else 0.0
                            minus_di[i] = 100.0 * s_minus / s_tr if s_tr else 0.0
                    return plus_di, minus_di
                    """,
                ],
            ),
            spec(
                "average_directional_index",
                "hard",
                '''
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
                ''',
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
                """,
                """
                def check(candidate):
                    h = [10, 12, 11, 14, 13]
                    lo = [8, 9, 7, 10, 9]
                    c = [9, 11, 8, 13, 10]
                    assert _close(candidate(h, lo, c, 2), [nan, nan, nan, 30.0, 155 / 7])
                    assert _close(candidate(h, lo, c, 1), [nan, 100.0, 100.0, 100.0, 100.0])
                    assert _close(candidate(h[:3], lo[:3], c[:3], 2), [nan, nan, nan])
                    assert _raises(candidate, ValueError, h, lo, c, 0)
                """,
                [
                    """
                    n = len(closes)
                    if len(highs) != n or len(lows) != n:
                        raise ValueError("highs, lows and closes must be the same length")
                    if window < 1:
                        raise ValueError("ADX window must be >= 1")
                    adx = [float("nan")] * n
                    s_tr = s_plus = s_minus = 0.0
                    dxs = []
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
                        dxs.append(100.0 * abs(pdi - mdi) / (pdi + mdi) if pdi + mdi else 0.0)
                        if len(dxs) >= window:
                            adx[i] = sum(dxs[-window:]) / window
                    return adx
                    """,
                    """
                    n = len(closes)
                    if len(highs) != n or len(lows) != n:
                        raise ValueError("highs, lows and closes must be the same length")
                    if window < 1:
                        raise ValueError("ADX window must be >= 1")
                    adx = [float("nan")] * n
                    s_tr = s_plus = s_minus = 0.0
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
                        prev = dx if prev is None else (prev * (window - 1) + dx) / window
                        adx[i] = prev
                    return adx
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "trailing_trend_lines",
        "signals_indicators",
        [
            spec(
                "parabolic_sar",
                "hard",
                '''
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
                ''',
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
                            ep, af = highs[i], min(af + step, max_step)
                    else:
                        sar = max([sar, *highs[max(i - 2, 0) : i]])
                        if highs[i] > sar:
                            long, sar, ep, af = True, ep, highs[i], step
                        elif lows[i] < ep:
                            ep, af = lows[i], min(af + step, max_step)
                    out.append(sar)
                return out
                """,
                """
                def check(candidate):
                    got = candidate([10, 11, 12, 13, 14], [9, 10, 11, 12, 13], 0.1, 0.2)
                    assert _close(got, [9, 9, 9, 9.6, 10.28])
                    h = [10, 11, 12, 11, 9, 8]
                    lo = [9, 10, 11, 9, 7, 7.5]
                    assert _close(candidate(h, lo, 0.1, 0.2), [9, 9, 9, 12, 12, 11])
                    assert _close(candidate([], []), [])
                    assert _raises(candidate, ValueError, [1.0], [1.0], 0.3, 0.2)
                """,
                [
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
                            if lows[i] < sar:
                                long, sar, ep, af = False, ep, lows[i], step
                            elif highs[i] > ep:
                                ep, af = highs[i], min(af + step, max_step)
                        else:
                            if highs[i] > sar:
                                long, sar, ep, af = True, ep, highs[i], step
                            elif lows[i] < ep:
                                ep, af = lows[i], min(af + step, max_step)
                        out.append(sar)
                    return out
                    """,
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
                    """,
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
                                long, ep, af = False, lows[i], step
                            elif highs[i] > ep:
                                ep, af = highs[i], min(af + step, max_step)
                        else:
                            sar = max([sar, *highs[max(i - 2, 0) : i]])
                            if highs[i] > sar:
                                long, ep, af = True, highs[i], step
                            elif lows[i] < ep:
                                ep, af = lows[i], min(af + step, max_step)
                        out.append(sar)
                    return out
                    """,
                ],
            ),
            spec(
                "supertrend",
                "hard",
                '''
                def supertrend(
                    highs: list[float],
                    lows: list[float],
                    closes: list[float],
                    window: int = 10,
                    multiplier: float = 3.0,
                ) -> tuple[list[float], list[int]]:
                    """SuperTrend line and trend direction.

                    Range per bar: ``highs[0] - lows[0]`` for bar 0, later the largest of
                    ``h - l``, ``abs(h - prev_close)``, ``abs(l - prev_close)``; ``atr[i]`` is the
                    simple mean of the last ``window`` ranges. Basic bands:
                    ``(h + l) / 2 +/- multiplier * atr``. From ``s = window - 1`` on keep final
                    bands: at ``s`` they equal the basic bands; afterwards
                    ``upper[i] = basic_upper[i]`` if ``basic_upper[i] < upper[i-1]`` or
                    ``closes[i-1] > upper[i-1]``, else ``upper[i-1]`` (mirror for ``lower`` with
                    ``>`` and ``<`` swapped). The trend starts up (+1) at ``s``; an uptrend turns
                    down (-1) when ``closes[i] < lower[i]``, a downtrend turns up when
                    ``closes[i] > upper[i]``. The line is ``lower`` in an uptrend and ``upper`` in
                    a downtrend. Before ``s`` the line is ``float("nan")`` and the direction 0.
                    Return ``(line, direction)``; raise ``ValueError`` on unequal lengths or
                    ``window < 1``.

                    >>> supertrend([11, 12, 13], [9, 10, 11], [10, 11, 12], 2, 1.0)
                    ([nan, 9.0, 10.0], [0, 1, 1])
                    """
                ''',
                """
                n = len(closes)
                if len(highs) != n or len(lows) != n:
                    raise ValueError("highs, lows and closes must be the same length")
                if window < 1:
                    raise ValueError("window must be >= 1 bar")
                ranges = []
                for i in range(n):
                    h, lo = highs[i], lows[i]
                    if i == 0:
                        ranges.append(h - lo)
                    else:
                        pc = closes[i - 1]
                        ranges.append(max(h - lo, abs(h - pc), abs(lo - pc)))
                line = [float("nan")] * n
                direction = [0] * n
                upper = lower = 0.0
                trend = 1
                for i in range(window - 1, n):
                    atr = sum(ranges[i - window + 1 : i + 1]) / window
                    mid = (highs[i] + lows[i]) / 2
                    bu, bl = mid + multiplier * atr, mid - multiplier * atr
                    if i == window - 1:
                        upper, lower = bu, bl
                    else:
                        pc = closes[i - 1]
                        upper = bu if bu < upper or pc > upper else upper
                        lower = bl if bl > lower or pc < lower else lower
                        if trend == 1 and closes[i] < lower:
                            trend = -1
                        elif trend == -1 and closes[i] > upper:
                            trend = 1
                    direction[i] = trend
                    line[i] = lower if trend == 1 else upper
                return line, direction
                """,
                """
                def check(candidate):
                    h = [11, 12, 13, 12, 10, 12]
                    lo = [9, 10, 11, 9, 8, 10]
                    c = [10, 11, 12, 9.5, 8.5, 11.8]
                    line, direction = candidate(h, lo, c, 2, 1.0)
                    assert _close(line, [nan, 9.0, 10.0, 13.0, 11.5, 8.25])
                    assert direction == [0, 1, 1, -1, -1, 1]
                    assert _close(candidate(h[:1], lo[:1], c[:1], 2, 1.0), ([nan], [0]))
                    assert _raises(candidate, ValueError, h, lo, c[:4], 2, 1.0)
                """,
                [
                    """
                    n = len(closes)
                    if len(highs) != n or len(lows) != n:
                        raise ValueError("highs, lows and closes must be the same length")
                    if window < 1:
                        raise ValueError("window must be >= 1 bar")
                    ranges = []
                    for i in range(n):
                        h, lo = highs[i], lows[i]
                        if i == 0:
                            ranges.append(h - lo)
                        else:
                            pc = closes[i - 1]
                            ranges.append(max(h - lo, abs(h - pc), abs(lo - pc)))
                    line = [float("nan")] * n
                    direction = [0] * n
                    trend = 1
                    for i in range(window - 1, n):
                        atr = sum(ranges[i - window + 1 : i + 1]) / window
                        mid = (highs[i] + lows[i]) / 2
                        upper, lower = mid + multiplier * atr, mid - multiplier * atr
                        if i > window - 1:
                            if trend == 1 and closes[i] < lower:
                                trend = -1
                            elif trend == -1 and closes[i] > upper:
                                trend = 1
                        direction[i] = trend
                        line[i] = lower if trend == 1 else upper
                    return line, direction
                    """,
                    """
                    n = len(closes)
                    if len(highs) != n or len(lows) != n:
                        raise ValueError("highs, lows and closes must be the same length")
                    if window < 1:
                        raise ValueError("window must be >= 1 bar")
                    ranges = [h - lo for h, lo in zip(highs, lows)]
                    line = [float("nan")] * n
                    direction = [0] * n
                    upper = lower = 0.0
                    trend = 1
                    for i in range(window - 1, n):
                        atr = sum(ranges[i - window + 1 : i + 1]) / window
                        mid = (highs[i] + lows[i]) / 2
                        bu, bl = mid + multiplier * atr, mid - multiplier * atr
                        if i == window - 1:
                            upper, lower = bu, bl
                        else:
                            pc = closes[i - 1]
                            upper = bu if bu < upper or pc > upper else upper
                            lower = bl if bl > lower or pc < lower else lower
                            if trend == 1 and closes[i] < lower:
                                trend = -1
                            elif trend == -1 and closes[i] > upper:
                                trend = 1
                        direction[i] = trend
                        line[i] = lower if trend == 1 else upper
                    return line, direction
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "entry_triggers",
        "entries_exits",
        [
            spec(
                "level_cross_up_bars",
                "easy",
                '''
                def level_cross_up_bars(prices: list[float], level: float) -> list[int]:
                    """Indices of the bars on which price crosses up through ``level``.

                    Bar ``i >= 1`` is a cross when ``prices[i - 1] <= level`` and
                    ``prices[i] > level``: the previous bar was at or under the level and this
                    one closes strictly above it. Bar 0 is never a cross (nothing precedes it).
                    Return the indices in increasing order.

                    >>> level_cross_up_bars([9, 11, 10, 12], 10)
                    [1, 3]
                    """
                ''',
                """
                return [
                    i
                    for i in range(1, len(prices))
                    if prices[i - 1] <= level < prices[i]
                ]
                """,
                """
                def check(candidate):
                    assert candidate([9, 11, 10, 10, 12, 8, 13], 10) == [1, 4, 6]
                    assert candidate([12.0, 13.0, 14.0], 10.0) == []
                    assert candidate([10.0, 10.0, 9.0], 10.0) == []
                    assert candidate([], 1.0) == []
                """,
                [
                    """
                    return [
                        i
                        for i in range(1, len(prices))
                        if prices[i - 1] < level < prices[i]
                    ]
                    """,
                    """
                    return [
                        i
                        for i in range(len(prices))
                        if (i == 0 or prices[i - 1] <= level) and prices[i] > level
                    ]
                    """,
                    """
                    return [
                        i
                        for i in range(1, len(prices))
                        if prices[i - 1] <= level <= prices[i]
                    ]
                    """,
                ],
            ),
            spec(
                "breakout_entry_flags",
                "medium",
                '''
                def breakout_entry_flags(
                    highs: list[float], closes: list[float], lookback: int
                ) -> list[bool]:
                    """Flag fresh n-bar breakout entries.

                    Bar ``i >= lookback`` is a breakout when ``closes[i]`` is strictly above the
                    highest of the ``lookback`` previous highs (``highs[i - lookback] ..
                    highs[i - 1]``; the current bar's high is not used). Only the *first* bar of
                    a run of consecutive breakouts is an entry: bar ``i`` is flagged ``True`` when
                    it is a breakout and bar ``i - 1`` was not. Bars ``0 .. lookback - 1`` are
                    ``False``. Raise ``ValueError`` if ``lookback < 1`` or the lists differ in
                    length.

                    >>> breakout_entry_flags([10, 11, 12, 13], [9.5, 10.5, 11.5, 12.5], 2)
                    [False, False, True, False]
                    """
                ''',
                """
                if lookback < 1:
                    raise ValueError("lookback must be at least one bar")
                if len(highs) != len(closes):
                    raise ValueError("highs and closes must align")
                flags = []
                was_breakout = False
                for i, close in enumerate(closes):
                    is_breakout = i >= lookback and close > max(highs[i - lookback : i])
                    flags.append(is_breakout and not was_breakout)
                    was_breakout = is_breakout
                return flags
                """,
                """
                def check(candidate):
                    highs = [10, 11, 10, 12, 14, 14, 12, 15]
                    closes = [9, 10.5, 9.5, 11.5, 13.5, 13, 11, 14.5]
                    want = [False, False, False, True, False, False, False, True]
                    assert candidate(highs, closes, 2) == want
                    assert candidate([10, 10, 10], [9, 9, 10], 2) == [False, False, False]
                    assert candidate([10, 11], [9, 10.5], 5) == [False, False]
                    assert _raises(candidate, ValueError, [1.0, 2.0], [1.0, 2.0], 0)
                """,
                [
                    """
                    if lookback < 1:
                        raise ValueError("lookback must be at least one bar")
                    if len(highs) != len(closes):
                        raise ValueError("highs and closes must align")
                    flags = []
                    for i, close in enumerate(closes):
                        flags.append(i >= lookback and close > max(highs[i - lookback : i]))
                    return flags
                    """,
                    """
                    if lookback < 1:
                        raise ValueError("lookback must be at least one bar")
                    if len(highs) != len(closes):
                        raise ValueError("highs and closes must align")
                    flags = []
                    was_breakout = False
                    for i, close in enumerate(closes):
                        is_breakout = i >= lookback and close >= max(highs[i - lookback : i])
                        flags.append(is_breakout and not was_breakout)
                        was_breakout = is_breakout
                    return flags
                    """,
                    """
                    if lookback < 1:
                        raise ValueError("lookback must be at least one bar")
                    if len(highs) != len(closes):
                        raise ValueError("highs and closes must align")
                    flags = []
                    was_breakout = False
                    for i, close in enumerate(closes):
                        is_breakout = (
                            i >= lookback - 1 and close > max(highs[i - lookback + 1 : i + 1])
                        )
                        flags.append(is_breakout and not was_breakout)
                        was_breakout = is_breakout
                    return flags
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "holding_state",
        "entries_exits",
        [
            spec(
                "positions_from_signals",
                "medium",
                '''
                def positions_from_signals(entries: list[bool], exits: list[bool]) -> list[int]:
                    """Long/flat position series from entry and exit signal lists.

                    A state machine that starts flat (0). On bar ``i``: when flat, an entry
                    signal opens a long (1) and any exit signal on that bar is ignored; when long,
                    an exit signal closes it (0) and any entry signal is ignored. The output is the
                    state after bar ``i`` has been processed. Raise ``ValueError`` if the two lists
                    differ in length.

                    >>> entries = [False, True, False, False]
                    >>> exits = [False, False, False, True]
                    >>> positions_from_signals(entries, exits)
                    [0, 1, 1, 0]
                    """
                ''',
                """
                if len(entries) != len(exits):
                    raise ValueError("entries and exits must have one flag per bar")
                state = 0
                path = []
                for go_long, go_flat in zip(entries, exits):
                    if state == 0 and go_long:
                        state = 1
                    elif state == 1 and go_flat:
                        state = 0
                    path.append(state)
                return path
                """,
                """
                def check(candidate):
                    entries = [False, True, True, False, False, True, False]
                    exits = [True, False, False, True, True, True, False]
                    assert candidate(entries, exits) == [0, 1, 1, 0, 0, 1, 1]
                    assert candidate([True, True], [False, True]) == [1, 0]
                    assert candidate([], []) == []
                    assert _raises(candidate, ValueError, [True], [])
                """,
                [
                    """
                    if len(entries) != len(exits):
                        raise ValueError("entries and exits must have one flag per bar")
                    state = 0
                    path = []
                    for go_long, go_flat in zip(entries, exits):
                        if go_flat:
                            state = 0
                        elif go_long:
                            state = 1
                        path.append(state)
                    return path
                    """,
                    """
                    if len(entries) != len(exits):
                        raise ValueError("entries and exits must have one flag per bar")
                    state = 0
                    path = []
                    for go_long, go_flat in zip(entries, exits):
                        if go_long:
                            state = 1
                        elif go_flat:
                            state = 0
                        path.append(state)
                    return path
                    """,
                    """
                    if len(entries) != len(exits):
                        raise ValueError("entries and exits must have one flag per bar")
                    state = 0
                    path = []
                    for go_long, go_flat in zip(entries, exits):
                        path.append(state)
                        if state == 0 and go_long:
                            state = 1
                        elif state == 1 and go_flat:
                            state = 0
                    return path
                    """,
                ],
            ),
            spec(
                "time_exit_positions",
                "medium",
                '''
                def time_exit_positions(entries: list[bool], hold_bars: int) -> list[int]:
                    """Position series for a strategy that exits after a fixed holding time.

                    An entry signal on a bar where no trade is open opens one: the position is 1
                    on that bar and the next ``hold_bars - 1`` bars, then 0 again. Entry signals
                    while a trade is open are ignored (they do not extend it); a signal on the very
                    bar after a trade ends opens a new one. Positions are 0 otherwise. Raise
                    ``ValueError`` if ``hold_bars < 1``.

                    >>> time_exit_positions([True, False, False, True], 2)
                    [1, 1, 0, 1]
                    """
                ''',
                """
                if hold_bars < 1:
                    raise ValueError("a trade must be held for at least one bar")
                remaining = 0
                held = []
                for signal in entries:
                    if remaining == 0 and signal:
                        remaining = hold_bars
                    held.append(1 if remaining > 0 else 0)
                    remaining = max(remaining - 1, 0)
                return held
                """,
                """
                def check(candidate):
                    entries = [False, True, True, False, False, False, True, False]
                    assert candidate(entries, 3) == [0, 1, 1, 1, 0, 0, 1, 1]
                    assert candidate([True, False, True], 2) == [1, 1, 1]
                    assert candidate([True, False, True, True], 1) == [1, 0, 1, 1]
                    assert candidate([], 4) == []
                    assert _raises(candidate, ValueError, [True], 0)
                """,
                [
                    """
                    if hold_bars < 1:
                        raise ValueError("a trade must be held for at least one bar")
                    remaining = 0
                    held = []
                    for signal in entries:
                        if signal:
                            remaining = hold_bars
                        held.append(1 if remaining > 0 else 0)
                        remaining = max(remaining - 1, 0)
                    return held
                    """,
                    """
                    if hold_bars < 1:
                        raise ValueError("a trade must be held for at least one bar")
                    remaining = 0
                    held = []
                    for signal in entries:
                        if remaining == 0 and signal:
                            remaining = hold_bars + 1
                        held.append(1 if remaining > 0 else 0)
                        remaining = max(remaining - 1, 0)
                    return held
                    """,
                    """
                    if hold_bars < 1:
                        raise ValueError("a trade must be held for at least one bar")
                    remaining = 0
                    cooling = False
                    held = []
                    for signal in entries:
                        if remaining == 0 and signal and not cooling:
                            remaining = hold_bars
                        cooling = remaining == 1
                        held.append(1 if remaining > 0 else 0)
                        remaining = max(remaining - 1, 0)
                    return held
                    """,
                ],
            ),
        ],
    ),
]
