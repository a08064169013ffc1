"""Technical indicators with explicit warm-up conventions (NaN until the first full window)."""

from cs_pipelines.cryptoeval.task import spec

SPECS = [
    spec(
        "sma",
        "easy",
        '''
        import math


        def sma(values: list[float], window: int) -> list[float]:
            """Simple moving average of ``values`` over ``window`` bars.

            The result has the same length as ``values``. Index ``i`` holds the mean of
            ``values[i - window + 1 : i + 1]``; the first ``window - 1`` entries (warm-up)
            are ``float("nan")``. Raise ``ValueError`` if ``window < 1``.

            >>> sma([1.0, 2.0, 3.0, 4.0], 2)
            [nan, 1.5, 2.5, 3.5]
            """
        ''',
        """
        if window < 1:
            raise ValueError("window must be >= 1")
        out = []
        for i in range(len(values)):
            if i < window - 1:
                out.append(math.nan)
            else:
                out.append(sum(values[i - window + 1 : i + 1]) / window)
        return out
        """,
        """
        def check(candidate):
            assert _close(candidate([1.0, 2.0, 3.0, 4.0], 2), [nan, 1.5, 2.5, 3.5])
            assert _close(candidate([5.0, 7.0, 9.0], 3), [nan, nan, 7.0])
            assert _close(candidate([5.0, 7.0], 3), [nan, nan])
            assert _close(candidate([2.0, 4.0], 1), [2.0, 4.0])
            assert _close(candidate([], 3), [])
            assert _raises(candidate, ValueError, [1.0], 0)
        """,
        [
            """
            if window < 1:
                raise ValueError("window must be >= 1")
            out = []
            for i in range(len(values)):
                if i < window:
                    out.append(math.nan)
                else:
                    out.append(sum(values[i - window + 1 : i + 1]) / window)
            return out
            """,
            """
            if window < 1:
                raise ValueError("window must be >= 1")
            out = []
            for i in range(len(values)):
                if i < window - 1:
                    out.append(math.nan)
                else:
                    out.append(sum(values[i - window + 1 : i + 1]) / (window - 1 or 1))
            return out
            """,
        ],
        fix="sma([5.0, 7.0, 9.0, 11.0], 3) returns [nan, nan, nan, 9.0]; the first full window "
        "is reported one bar late.",
    ),
    spec(
        "ema",
        "easy",
        '''
        def ema(values: list[float], span: int) -> list[float]:
            """Exponential moving average, recursive form (pandas ``ewm(span, adjust=False)``).

            ``alpha = 2 / (span + 1)``; ``ema[0] = values[0]`` and
            ``ema[i] = alpha * values[i] + (1 - alpha) * ema[i - 1]``. There is no warm-up:
            every entry is a number. An empty input gives an empty list.

            >>> ema([1.0, 2.0, 3.0], 3)
            [1.0, 1.5, 2.25]
            """
        ''',
        """
        alpha = 2.0 / (span + 1)
        out = []
        for i, v in enumerate(values):
            out.append(v if i == 0 else alpha * v + (1 - alpha) * out[-1])
        return out
        """,
        """
        def check(candidate):
            assert _close(candidate([1.0, 2.0, 3.0], 3), [1.0, 1.5, 2.25])
            assert _close(candidate([10.0, 13.0, 10.0], 2), [10.0, 12.0, 32.0 / 3])
            assert _close(candidate([4.0, 4.0, 4.0], 10), [4.0, 4.0, 4.0])
            assert _close(candidate([], 5), [])
        """,
        [
            """
            alpha = 1.0 / span
            out = []
            for i, v in enumerate(values):
                out.append(v if i == 0 else alpha * v + (1 - alpha) * out[-1])
            return out
            """,
            """
            alpha = 2.0 / (span + 1)
            out = []
            for i, v in enumerate(values):
                out.append(v if i == 0 else (1 - alpha) * v + alpha * out[-1])
            return out
            """,
        ],
        fix="ema([1.0, 2.0, 3.0], 3) returns [1.0, 1.3333333333333335, 1.888888888888889] "
        "instead of [1.0, 1.5, 2.25].",
    ),
    spec(
        "ema_sma_seeded",
        "medium",
        '''
        import math


        def ema_sma_seeded(values: list[float], period: int) -> list[float]:
            """EMA seeded with a simple average (the classic TA-Lib convention).

            ``alpha = 2 / (period + 1)``. Entries ``0 .. period - 2`` are ``nan`` (warm-up);
            entry ``period - 1`` is the mean of the first ``period`` values; after that
            ``ema[i] = alpha * values[i] + (1 - alpha) * ema[i - 1]``. If there are fewer than
            ``period`` values every entry is ``nan``.

            >>> ema_sma_seeded([1.0, 2.0, 3.0, 4.0], 3)
            [nan, nan, 2.0, 3.0]
            """
        ''',
        """
        alpha = 2.0 / (period + 1)
        out = [math.nan] * len(values)
        if len(values) < period:
            return out
        prev = sum(values[:period]) / period
        out[period - 1] = prev
        for i in range(period, len(values)):
            prev = alpha * values[i] + (1 - alpha) * prev
            out[i] = prev
        return out
        """,
        """
        def check(candidate):
            assert _close(candidate([1.0, 2.0, 3.0, 4.0], 3), [nan, nan, 2.0, 3.0])
            assert _close(candidate([2.0, 4.0, 10.0, 4.0], 2), [nan, 3.0, 23.0 / 3, 47.0 / 9])
            assert _close(candidate([1.0, 2.0], 3), [nan, nan])
        """,
        [
            """
            alpha = 2.0 / (period + 1)
            out = []
            for i, v in enumerate(values):
                out.append(v if i == 0 else alpha * v + (1 - alpha) * out[-1])
            return out
            """,
            """
            alpha = 2.0 / (period + 1)
            out = [math.nan] * len(values)
            if len(values) <= period:
                return out
            prev = sum(values[:period]) / period
            out[period] = prev
            for i in range(period + 1, len(values)):
                prev = alpha * values[i] + (1 - alpha) * prev
                out[i] = prev
            return out
            """,
        ],
    ),
    spec(
        "ema_adjusted",
        "medium",
        '''
        def ema_adjusted(values: list[float], span: int) -> list[float]:
            """EMA with bias-corrected weights (pandas ``ewm(span, adjust=True).mean()``).

            With ``alpha = 2 / (span + 1)`` and ``w = 1 - alpha``, entry ``t`` is
            ``sum(w**k * values[t - k] for k in 0..t) / sum(w**k for k in 0..t)``.
            No warm-up: every entry is a number.

            >>> [round(x, 6) for x in ema_adjusted([1.0, 2.0, 3.0], 3)]
            [1.0, 1.666667, 2.428571]
            """
        ''',
        """
        alpha = 2.0 / (span + 1)
        w = 1 - alpha
        num = 0.0
        den = 0.0
        out = []
        for v in values:
            num = v + w * num
            den = 1.0 + w * den
            out.append(num / den)
        return out
        """,
        """
        def check(candidate):
            assert _close(candidate([1.0, 2.0, 3.0], 3), [1.0, 5.0 / 3, 4.25 / 1.75])
            assert _close(candidate([7.0], 4), [7.0])
            assert _close(candidate([0.0, 10.0], 1), [0.0, 10.0])
        """,
        [
            """
            alpha = 2.0 / (span + 1)
            out = []
            for i, v in enumerate(values):
                out.append(v if i == 0 else alpha * v + (1 - alpha) * out[-1])
            return out
            """,
        ],
    ),
    spec(
        "rsi_wilder",
        "hard",
        '''
        import math


        def rsi_wilder(closes: list[float], period: int = 14) -> list[float]:
            """Relative Strength Index with Wilder's smoothing.

            Let ``d[i] = closes[i] - closes[i - 1]`` for ``i >= 1``, gains ``max(d, 0)`` and
            losses ``max(-d, 0)``. At index ``period`` the average gain/loss are the simple
            means of the first ``period`` gains/losses (deltas 1..period). After that
            ``avg = (prev_avg * (period - 1) + current) / period``.
            ``RSI = 100 - 100 / (1 + avg_gain / avg_loss)``; if ``avg_loss == 0`` the RSI is
            100, or 50 when ``avg_gain`` is 0 too. Entries ``0 .. period - 1`` are ``nan``;
            the output has the same length as ``closes``.

            >>> rsi_wilder([1.0, 2.0, 3.0, 2.0, 3.0], 2)
            [nan, nan, 100.0, 50.0, 75.0]
            """
        ''',
        """
        out = [math.nan] * len(closes)
        if len(closes) <= period:
            return out
        gains = [max(closes[i] - closes[i - 1], 0.0) for i in range(1, len(closes))]
        losses = [max(closes[i - 1] - closes[i], 0.0) for i in range(1, len(closes))]

        def value(g, l):
            if l == 0:
                return 50.0 if g == 0 else 100.0
            return 100.0 - 100.0 / (1.0 + g / l)

        avg_g = sum(gains[:period]) / period
        avg_l = sum(losses[:period]) / period
        out[period] = value(avg_g, avg_l)
        for i in range(period + 1, len(closes)):
            avg_g = (avg_g * (period - 1) + gains[i - 1]) / period
            avg_l = (avg_l * (period - 1) + losses[i - 1]) / period
            out[i] = value(avg_g, avg_l)
        return out
        """,
        """
        def check(candidate):
            assert _close(candidate([1.0, 2.0, 3.0, 2.0, 3.0], 2), [nan, nan, 100.0, 50.0, 75.0])
            assert _close(candidate([5.0, 5.0, 5.0], 2), [nan, nan, 50.0])
            assert _close(candidate([3.0, 2.0, 1.0], 2), [nan, nan, 0.0])
            assert _close(candidate([1.0, 2.0], 2), [nan, nan])
            out = candidate([10.0, 11.0, 10.5, 12.0, 11.0, 11.5, 13.0], 3)
            assert all(math.isnan(x) for x in out[:3])
            assert all(0.0 <= x <= 100.0 for x in out[3:])
        """,
        [
            """
            out = [math.nan] * len(closes)
            if len(closes) <= period:
                return out
            gains = [max(closes[i] - closes[i - 1], 0.0) for i in range(1, len(closes))]
            losses = [max(closes[i - 1] - closes[i], 0.0) for i in range(1, len(closes))]
            for i in range(period, len(closes)):
                g = sum(gains[i - period : i]) / period
                l = sum(losses[i - period : i]) / period
                if l == 0:
                    out[i] = 50.0 if g == 0 else 100.0
                else:
                    out[i] = 100.0 - 100.0 / (1.0 + g / l)
            return out
            """,
            """
            out = [math.nan] * len(closes)
            if len(closes) <= period:
                return out
            alpha = 2.0 / (period + 1)
            gains = [max(closes[i] - closes[i - 1], 0.0) for i in range(1, len(closes))]
            losses = [max(closes[i - 1] - closes[i], 0.0) for i in range(1, len(closes))]
            avg_g = sum(gains[:period]) / period
            avg_l = sum(losses[:period]) / period
            for i in range(period, len(closes)):
                if i > period:
                    avg_g = alpha * gains[i - 1] + (1 - alpha) * avg_g
                    avg_l = alpha * losses[i - 1] + (1 - alpha) * avg_l
                if avg_l == 0:
                    out[i] = 50.0 if avg_g == 0 else 100.0
                else:
                    out[i] = 100.0 - 100.0 / (1.0 + avg_g / avg_l)
            return out
            """,
        ],
        fix="rsi_wilder([1.0, 2.0, 3.0, 2.0, 3.0], 2) returns [nan, nan, 100.0, 50.0, 50.0]; the "
        "last value should be 75.0 because averages must carry Wilder's smoothing forward.",
    ),
    spec(
        "macd",
        "medium",
        '''
        def macd(
            closes: list[float], fast: int = 12, slow: int = 26, signal: int = 9
        ) -> tuple[list[float], list[float], list[float]]:
            """MACD line, signal line and histogram.

            Every EMA here is recursive with ``alpha = 2 / (span + 1)`` and seeded with the
            first input value (pandas ``ewm(span, adjust=False)``), so there is no warm-up.
            ``macd_line = ema(closes, fast) - ema(closes, slow)``,
            ``signal_line = ema(macd_line, signal)``, ``histogram = macd_line - signal_line``.

            >>> m, s, h = macd([10.0, 13.0, 10.0], fast=2, slow=3, signal=2)
            >>> [round(x, 6) for x in h]
            [0.0, 0.166667, -0.138889]
            """
        ''',
        """
        def ema(xs, span):
            alpha = 2.0 / (span + 1)
            out = []
            for i, x in enumerate(xs):
                out.append(x if i == 0 else alpha * x + (1 - alpha) * out[-1])
            return out

        fast_ema = ema(closes, fast)
        slow_ema = ema(closes, slow)
        line = [f - s for f, s in zip(fast_ema, slow_ema)]
        sig = ema(line, signal)
        hist = [m - s for m, s in zip(line, sig)]
        return line, sig, hist
        """,
        """
        def check(candidate):
            m, s, h = candidate([10.0, 13.0, 10.0], fast=2, slow=3, signal=2)
            assert _close(m, [0.0, 0.5, -1.0 / 12])
            assert _close(s, [0.0, 1.0 / 3, 1.0 / 18])
            assert _close(h, [0.0, 1.0 / 6, -5.0 / 36])
            m, s, h = candidate([100.0] * 5)
            assert _close(m, [0.0] * 5) and _close(h, [0.0] * 5)
        """,
        [
            """
            def ema(xs, span):
                alpha = 2.0 / (span + 1)
                out = []
                for i, x in enumerate(xs):
                    out.append(x if i == 0 else alpha * x + (1 - alpha) * out[-1])
                return out

            line = [f - s for f, s in zip(ema(closes, fast), ema(closes, slow))]
            sig = ema(line, signal)
            return line, sig, [s - m for m, s in zip(line, sig)]
            """,
            """
            def ema(xs, span):
                alpha = 2.0 / (span + 1)
                out = []
                for i, x in enumerate(xs):
                    out.append(x if i == 0 else alpha * x + (1 - alpha) * out[-1])
                return out

            line = [f - s for f, s in zip(ema(closes, fast), ema(closes, slow))]
            sig = ema(closes, signal)
            return line, sig, [m - s for m, s in zip(line, sig)]
            """,
        ],
    ),
    spec(
        "bollinger_bands",
        "medium",
        '''
        import math


        def bollinger_bands(
            values: list[float], window: int = 20, k: float = 2.0
        ) -> tuple[list[float], list[float], list[float]]:
            """Bollinger bands ``(lower, middle, upper)``.

            ``middle`` is the simple moving average over ``window`` bars and the band width is
            ``k`` times the *population* standard deviation (divide by ``window``) of the same
            window. The first ``window - 1`` entries of all three lists are ``nan``.

            >>> bollinger_bands([1.0, 2.0, 3.0, 4.0], 2, 2.0)
            ([nan, 0.5, 1.5, 2.5], [nan, 1.5, 2.5, 3.5], [nan, 2.5, 3.5, 4.5])
            """
        ''',
        """
        lower, middle, upper = [], [], []
        for i in range(len(values)):
            if i < window - 1:
                lower.append(math.nan)
                middle.append(math.nan)
                upper.append(math.nan)
                continue
            win = values[i - window + 1 : i + 1]
            mean = sum(win) / window
            sd = math.sqrt(sum((x - mean) ** 2 for x in win) / window)
            lower.append(mean - k * sd)
            middle.append(mean)
            upper.append(mean + k * sd)
        return lower, middle, upper
        """,
        """
        def check(candidate):
            lo, mid, up = candidate([1.0, 2.0, 3.0, 4.0], 2, 2.0)
            assert _close(lo, [nan, 0.5, 1.5, 2.5])
            assert _close(mid, [nan, 1.5, 2.5, 3.5])
            assert _close(up, [nan, 2.5, 3.5, 4.5])
            lo, mid, up = candidate([2.0, 4.0, 6.0], 3, 1.0)
            sd = math.sqrt(8.0 / 3.0)
            assert _close(lo, [nan, nan, 4.0 - sd]) and _close(up, [nan, nan, 4.0 + sd])
        """,
        [
            """
            lower, middle, upper = [], [], []
            for i in range(len(values)):
                if i < window - 1:
                    lower.append(math.nan)
                    middle.append(math.nan)
                    upper.append(math.nan)
                    continue
                win = values[i - window + 1 : i + 1]
                mean = sum(win) / window
                sd = math.sqrt(sum((x - mean) ** 2 for x in win) / (window - 1))
                lower.append(mean - k * sd)
                middle.append(mean)
                upper.append(mean + k * sd)
            return lower, middle, upper
            """,
        ],
        fix="bollinger_bands([1.0, 2.0, 3.0, 4.0], 2, 2.0) gives an upper band of 2.914... at "
        "index 1 instead of 2.5: the bands are too wide.",
    ),
    spec(
        "true_range",
        "easy",
        '''
        def true_range(high: list[float], low: list[float], close: list[float]) -> list[float]:
            """True range per bar.

            ``tr[0] = high[0] - low[0]``; for ``i >= 1``
            ``tr[i] = max(high[i] - low[i], abs(high[i] - close[i-1]), abs(low[i] - close[i-1]))``
            (the *previous* bar's close captures overnight/weekend-style gaps).

            >>> true_range([10.0, 12.0], [9.0, 11.0], [9.5, 11.5])
            [1.0, 2.5]
            """
        ''',
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
        """,
        """
        def check(candidate):
            assert _close(candidate([10.0, 12.0], [9.0, 11.0], [9.5, 11.5]), [1.0, 2.5])
            assert _close(candidate([10.0, 9.0], [9.0, 7.0], [9.8, 8.0]), [1.0, 2.8])
            assert _close(candidate([5.0], [4.0], [4.5]), [1.0])
        """,
        [
            """
            out = []
            for i in range(len(high)):
                hl = high[i] - low[i]
                out.append(max(hl, abs(high[i] - close[i]), abs(low[i] - close[i])))
            return out
            """,
            """
            return [h - l for h, l in zip(high, low)]
            """,
        ],
    ),
    spec(
        "atr_wilder",
        "hard",
        '''
        import math


        def atr_wilder(
            high: list[float], low: list[float], close: list[float], period: int = 14
        ) -> list[float]:
            """Average True Range with Wilder's smoothing.

            True range: ``tr[0] = high[0] - low[0]`` and for ``i >= 1`` the max of
            ``high[i] - low[i]``, ``abs(high[i] - close[i-1])``, ``abs(low[i] - close[i-1])``.
            ``atr[period - 1]`` is the mean of ``tr[0:period]``; afterwards
            ``atr[i] = (atr[i-1] * (period - 1) + tr[i]) / period``. Entries before
            ``period - 1`` are ``nan``.

            >>> atr_wilder([10, 12, 13, 11], [9, 10, 11, 8], [9.5, 11, 12, 9], 2)
            [nan, 1.75, 1.875, 2.9375]
            """
        ''',
        """
        tr = []
        for i in range(len(high)):
            hl = high[i] - low[i]
            if i == 0:
                tr.append(hl)
            else:
                pc = close[i - 1]
                tr.append(max(hl, abs(high[i] - pc), abs(low[i] - pc)))
        out = [math.nan] * len(tr)
        if len(tr) < period:
            return out
        prev = sum(tr[:period]) / period
        out[period - 1] = prev
        for i in range(period, len(tr)):
            prev = (prev * (period - 1) + tr[i]) / period
            out[i] = prev
        return out
        """,
        """
        def check(candidate):
            h, l, c = [10, 12, 13, 11], [9, 10, 11, 8], [9.5, 11, 12, 9]
            assert _close(candidate(h, l, c, 2), [nan, 1.75, 1.875, 2.9375])
            assert _close(candidate(h, l, c, 4), [nan, nan, nan, 2.375])
            assert _close(candidate(h[:1], l[:1], c[:1], 2), [nan])
        """,
        [
            """
            tr = []
            for i in range(len(high)):
                hl = high[i] - low[i]
                if i == 0:
                    tr.append(hl)
                else:
                    pc = close[i - 1]
                    tr.append(max(hl, abs(high[i] - pc), abs(low[i] - pc)))
            out = [math.nan] * len(tr)
            for i in range(period - 1, len(tr)):
                out[i] = sum(tr[i - period + 1 : i + 1]) / period
            return out
            """,
            """
            tr = [h - l for h, l in zip(high, low)]
            out = [math.nan] * len(tr)
            if len(tr) < period:
                return out
            prev = sum(tr[:period]) / period
            out[period - 1] = prev
            for i in range(period, len(tr)):
                prev = (prev * (period - 1) + tr[i]) / period
                out[i] = prev
            return out
            """,
        ],
        fix="atr_wilder([10, 12, 13, 11], [9, 10, 11, 8], [9.5, 11, 12, 9], 2) returns "
        "[nan, 1.75, 2.25, 3.0]; the tail should be [1.875, 2.9375].",
    ),
    spec(
        "vwap",
        "easy",
        '''
        import math


        def vwap(
            high: list[float], low: list[float], close: list[float], volume: list[float]
        ) -> list[float]:
            """Cumulative volume-weighted average price from the start of the series.

            Each bar contributes its typical price ``(high + low + close) / 3`` weighted by its
            volume. Entry ``i`` is ``sum(tp[:i+1] * volume[:i+1]) / sum(volume[:i+1])``; while
            the cumulative volume is 0 the entry is ``nan``.

            >>> vwap([11.0, 12.0], [9.0, 10.0], [10.0, 11.0], [1.0, 3.0])
            [10.0, 10.75]
            """
        ''',
        """
        out = []
        pv = 0.0
        vol = 0.0
        for h, l, c, v in zip(high, low, close, volume):
            pv += (h + l + c) / 3.0 * v
            vol += v
            out.append(pv / vol if vol > 0 else math.nan)
        return out
        """,
        """
        def check(candidate):
            h, l = [11.0, 12.0], [9.0, 10.0]
            assert _close(candidate(h, l, [10.0, 11.0], [1.0, 3.0]), [10.0, 10.75])
            tp0 = (11.0 + 9.0 + 10.5) / 3
            got = candidate([11.0, 12.0], [9.0, 10.0], [10.5, 11.0], [1.0, 3.0])
            assert _close(got, [tp0, (tp0 + 33.0) / 4])
            assert _close(candidate(h, l, [10.0, 11.0], [0.0, 2.0]), [nan, 11.0])
        """,
        [
            """
            out = []
            pv = 0.0
            vol = 0.0
            for c, v in zip(close, volume):
                pv += c * v
                vol += v
                out.append(pv / vol if vol > 0 else math.nan)
            return out
            """,
            """
            out = []
            for h, l, c, v in zip(high, low, close, volume):
                out.append((h + l + c) / 3.0 if v > 0 else math.nan)
            return out
            """,
        ],
    ),
    spec(
        "obv",
        "easy",
        '''
        def obv(close: list[float], volume: list[float]) -> list[float]:
            """On-balance volume.

            ``obv[0] = 0``. For ``i >= 1`` add ``volume[i]`` when ``close[i] > close[i-1]``,
            subtract it when ``close[i] < close[i-1]``, and leave OBV unchanged when equal.

            >>> obv([10, 11, 11, 10, 12], [100, 200, 300, 400, 500])
            [0, 200, 200, -200, 300]
            """
        ''',
        """
        out = []
        for i in range(len(close)):
            if i == 0:
                out.append(0)
            elif close[i] > close[i - 1]:
                out.append(out[-1] + volume[i])
            elif close[i] < close[i - 1]:
                out.append(out[-1] - volume[i])
            else:
                out.append(out[-1])
        return out
        """,
        """
        def check(candidate):
            got = candidate([10, 11, 11, 10, 12], [100, 200, 300, 400, 500])
            assert _close(got, [0, 200, 200, -200, 300])
            assert _close(candidate([5.0, 4.0], [1.5, 2.5]), [0, -2.5])
            assert _close(candidate([], []), [])
        """,
        [
            """
            out = []
            for i in range(len(close)):
                if i == 0:
                    out.append(volume[0])
                elif close[i] > close[i - 1]:
                    out.append(out[-1] + volume[i])
                elif close[i] < close[i - 1]:
                    out.append(out[-1] - volume[i])
                else:
                    out.append(out[-1])
            return out
            """,
            """
            out = []
            for i in range(len(close)):
                if i == 0:
                    out.append(0)
                elif close[i] >= close[i - 1]:
                    out.append(out[-1] + volume[i])
                else:
                    out.append(out[-1] - volume[i])
            return out
            """,
        ],
        fix="obv([10, 11, 11], [100, 200, 300]) returns [100, 300, 300] instead of [0, 200, 200]: "
        "OBV must start at 0.",
    ),
    spec(
        "stochastic_k",
        "medium",
        '''
        import math


        def stochastic_k(
            high: list[float], low: list[float], close: list[float], period: int = 14
        ) -> list[float]:
            """Stochastic oscillator %K.

            ``%K[i] = 100 * (close[i] - LL) / (HH - LL)`` where ``HH``/``LL`` are the highest
            high and lowest low of bars ``i - period + 1 .. i`` (the current bar included).
            If ``HH == LL`` the value is 50. The first ``period - 1`` entries are ``nan``.

            >>> [round(x, 4) for x in stochastic_k([3, 4, 5], [1, 2, 3], [2, 4, 3], 2)]
            [nan, 100.0, 33.3333]
            """
        ''',
        """
        out = []
        for i in range(len(close)):
            if i < period - 1:
                out.append(math.nan)
                continue
            hh = max(high[i - period + 1 : i + 1])
            ll = min(low[i - period + 1 : i + 1])
            out.append(50.0 if hh == ll else 100.0 * (close[i] - ll) / (hh - ll))
        return out
        """,
        """
        def check(candidate):
            assert _close(candidate([3, 4, 5], [1, 2, 3], [2, 4, 3], 2), [nan, 100.0, 100.0 / 3])
            assert _close(candidate([2, 2], [2, 2], [2, 2], 2), [nan, 50.0])
            assert _close(candidate([10, 8, 9], [6, 7, 5], [7, 8, 5], 3), [nan, nan, 0.0])
        """,
        [
            """
            out = []
            for i in range(len(close)):
                if i < period:
                    out.append(math.nan)
                    continue
                hh = max(high[i - period : i])
                ll = min(low[i - period : i])
                out.append(50.0 if hh == ll else 100.0 * (close[i] - ll) / (hh - ll))
            return out
            """,
        ],
    ),
    spec(
        "wma",
        "easy",
        '''
        import math


        def wma(values: list[float], window: int) -> list[float]:
            """Linearly weighted moving average: weights 1..window, the newest bar weighs most.

            Entry ``i`` is ``sum(k * values[i - window + k] for k in 1..window) /
            (window * (window + 1) / 2)``. The first ``window - 1`` entries are ``nan``.

            >>> wma([1.0, 2.0, 4.0], 2)
            [nan, 1.6666666666666667, 3.3333333333333335]
            """
        ''',
        """
        denom = window * (window + 1) / 2
        out = []
        for i in range(len(values)):
            if i < window - 1:
                out.append(math.nan)
                continue
            win = values[i - window + 1 : i + 1]
            out.append(sum((k + 1) * v for k, v in enumerate(win)) / denom)
        return out
        """,
        """
        def check(candidate):
            assert _close(candidate([1.0, 2.0, 4.0], 2), [nan, 5.0 / 3, 10.0 / 3])
            assert _close(candidate([3.0, 1.0, 2.0], 3), [nan, nan, 11.0 / 6])
        """,
        [
            """
            denom = window * (window + 1) / 2
            out = []
            for i in range(len(values)):
                if i < window - 1:
                    out.append(math.nan)
                    continue
                win = values[i - window + 1 : i + 1]
                out.append(sum((window - k) * v for k, v in enumerate(win)) / denom)
            return out
            """,
        ],
    ),
    spec(
        "rate_of_change",
        "easy",
        '''
        import math


        def rate_of_change(values: list[float], period: int) -> list[float]:
            """Rate of change in percent: ``100 * (values[i] / values[i - period] - 1)``.

            The first ``period`` entries are ``nan`` (there is no value ``period`` bars back).

            >>> [round(x, 6) for x in rate_of_change([100.0, 110.0, 121.0], 1)]
            [nan, 10.0, 10.0]
            """
        ''',
        """
        return [
            math.nan if i < period else 100.0 * (values[i] / values[i - period] - 1.0)
            for i in range(len(values))
        ]
        """,
        """
        def check(candidate):
            assert _close(candidate([100.0, 110.0, 121.0], 1), [nan, 10.0, 10.0])
            assert _close(candidate([100.0, 110.0, 50.0], 2), [nan, nan, -50.0])
        """,
        [
            """
            return [
                math.nan if i < period - 1 else 100.0 * (values[i] / values[i - period + 1] - 1.0)
                for i in range(len(values))
            ]
            """,
            """
            return [
                math.nan if i < period else (values[i] / values[i - period] - 1.0)
                for i in range(len(values))
            ]
            """,
        ],
    ),
    spec(
        "rolling_zscore",
        "medium",
        '''
        import math


        def rolling_zscore(values: list[float], window: int) -> list[float]:
            """Z-score of each value against its trailing window (current bar included).

            ``z[i] = (values[i] - mean) / std`` where mean and the *sample* standard deviation
            (divide by ``window - 1``) are over ``values[i - window + 1 : i + 1]``. The first
            ``window - 1`` entries are ``nan``, and so is any entry whose std is 0.
            ``window`` must be at least 2 (else ``ValueError``).

            >>> rolling_zscore([1.0, 2.0, 3.0], 3)
            [nan, nan, 1.0]
            """
        ''',
        """
        if window < 2:
            raise ValueError("window must be >= 2")
        out = []
        for i in range(len(values)):
            if i < window - 1:
                out.append(math.nan)
                continue
            win = values[i - window + 1 : i + 1]
            mean = sum(win) / window
            sd = math.sqrt(sum((x - mean) ** 2 for x in win) / (window - 1))
            out.append(math.nan if sd == 0 else (values[i] - mean) / sd)
        return out
        """,
        """
        def check(candidate):
            assert _close(candidate([1.0, 2.0, 3.0], 3), [nan, nan, 1.0])
            assert _close(candidate([5.0, 5.0, 5.0, 8.0], 2), [nan, nan, nan, math.sqrt(0.5)])
            assert _raises(candidate, ValueError, [1.0, 2.0], 1)
        """,
        [
            """
            if window < 2:
                raise ValueError("window must be >= 2")
            out = []
            for i in range(len(values)):
                if i < window - 1:
                    out.append(math.nan)
                    continue
                win = values[i - window + 1 : i + 1]
                mean = sum(win) / window
                sd = math.sqrt(sum((x - mean) ** 2 for x in win) / window)
                out.append(math.nan if sd == 0 else (values[i] - mean) / sd)
            return out
            """,
        ],
    ),
    spec(
        "anchored_vwap_daily",
        "hard",
        '''
        import math


        def anchored_vwap_daily(
            timestamps_ms: list[int], prices: list[float], volumes: list[float]
        ) -> list[float]:
            """Trade VWAP that resets at every UTC midnight (crypto trades 24/7, days are UTC).

            ``timestamps_ms`` are Unix epoch milliseconds in ascending order. Entry ``i`` is the
            volume-weighted average of ``prices`` over trades from the start of the UTC day of
            trade ``i`` up to and including trade ``i``. While the day's cumulative volume is 0
            the entry is ``nan``.

            >>> day = 86_400_000
            >>> anchored_vwap_daily([0, 1000, day], [10.0, 20.0, 30.0], [1.0, 1.0, 2.0])
            [10.0, 15.0, 30.0]
            """
        ''',
        """
        day_ms = 86_400_000
        out = []
        current_day = None
        pv = vol = 0.0
        for ts, p, v in zip(timestamps_ms, prices, volumes):
            d = ts // day_ms
            if d != current_day:
                current_day = d
                pv = vol = 0.0
            pv += p * v
            vol += v
            out.append(pv / vol if vol > 0 else math.nan)
        return out
        """,
        """
        def check(candidate):
            day = 86_400_000
            got = candidate([0, 1000, day], [10.0, 20.0, 30.0], [1.0, 1.0, 2.0])
            assert _close(got, [10.0, 15.0, 30.0])
            ts = [day - 1, day, day + 5, 3 * day + 1]
            got = candidate(ts, [1.0, 2.0, 4.0, 8.0], [1.0, 0.0, 3.0, 1.0])
            assert _close(got, [1.0, nan, 4.0, 8.0])
        """,
        [
            """
            out = []
            pv = vol = 0.0
            for p, v in zip(prices, volumes):
                pv += p * v
                vol += v
                out.append(pv / vol if vol > 0 else math.nan)
            return out
            """,
            """
            day_ms = 86_400_000
            out = []
            current_day = None
            pv = vol = 0.0
            for ts, p, v in zip(timestamps_ms, prices, volumes):
                d = ts // day_ms
                if d != current_day:
                    current_day = d
                    pv = vol = 0.0
                    out.append(p)
                    pv += p * v
                    vol += v
                    continue
                pv += p * v
                vol += v
                out.append(pv / vol if vol > 0 else math.nan)
            return out
            """,
        ],
    ),
    spec(
        "williams_r",
        "easy",
        '''
        import math


        def williams_r(
            high: list[float], low: list[float], close: list[float], period: int = 14
        ) -> list[float]:
            """Williams %R: ``-100 * (HH - close) / (HH - LL)`` in ``[-100, 0]``.

            ``HH``/``LL`` are the highest high and lowest low of the ``period`` bars ending at
            (and including) the current bar. If ``HH == LL`` the value is -50. The first
            ``period - 1`` entries are ``nan``.

            >>> [round(x, 4) for x in williams_r([3, 4, 5], [1, 2, 3], [2, 4, 3], 2)]
            [nan, -0.0, -66.6667]
            """
        ''',
        """
        out = []
        for i in range(len(close)):
            if i < period - 1:
                out.append(math.nan)
                continue
            hh = max(high[i - period + 1 : i + 1])
            ll = min(low[i - period + 1 : i + 1])
            out.append(-50.0 if hh == ll else -100.0 * (hh - close[i]) / (hh - ll))
        return out
        """,
        """
        def check(candidate):
            assert _close(candidate([3, 4, 5], [1, 2, 3], [2, 4, 3], 2), [nan, 0.0, -200.0 / 3])
            assert _close(candidate([2, 2], [2, 2], [2, 2], 2), [nan, -50.0])
            assert _close(candidate([10, 8, 9], [6, 7, 5], [7, 8, 5], 3), [nan, nan, -100.0])
        """,
        [
            """
            out = []
            for i in range(len(close)):
                if i < period - 1:
                    out.append(math.nan)
                    continue
                hh = max(high[i - period + 1 : i + 1])
                ll = min(low[i - period + 1 : i + 1])
                out.append(-50.0 if hh == ll else 100.0 * (hh - close[i]) / (hh - ll))
            return out
            """,
            """
            out = []
            for i in range(len(close)):
                if i < period - 1:
                    out.append(math.nan)
                    continue
                hh = max(high[i - period + 1 : i + 1])
                ll = min(low[i - period + 1 : i + 1])
                out.append(-50.0 if hh == ll else -100.0 * (close[i] - ll) / (hh - ll))
            return out
            """,
        ],
    ),
    spec(
        "money_flow_index",
        "hard",
        '''
        import math


        def money_flow_index(
            high: list[float],
            low: list[float],
            close: list[float],
            volume: list[float],
            period: int = 14,
        ) -> list[float]:
            """Money Flow Index.

            Typical price ``tp = (high + low + close) / 3`` and raw money flow ``tp * volume``.
            For ``i >= 1`` the flow is positive when ``tp[i] > tp[i-1]``, negative when
            ``tp[i] < tp[i-1]`` and ignored when equal. ``MFI[i]`` (for ``i >= period``) uses the
            ``period`` flows of bars ``i - period + 1 .. i``:
            ``100 - 100 / (1 + positive / negative)``; with no negative flow it is 100 (50 if
            there is no positive flow either). Entries ``0 .. period - 1`` are ``nan``.

            >>> tp = [10.0, 11.0, 10.5, 12.0]
            >>> [round(x, 4) for x in money_flow_index(tp, tp, tp, [1.0, 2.0, 3.0, 4.0], 2)]
            [nan, nan, 41.1215, 60.3774]
            """
        ''',
        """
        tp = [(h + l + c) / 3.0 for h, l, c in zip(high, low, close)]
        pos = [0.0] * len(tp)
        neg = [0.0] * len(tp)
        for i in range(1, len(tp)):
            flow = tp[i] * volume[i]
            if tp[i] > tp[i - 1]:
                pos[i] = flow
            elif tp[i] < tp[i - 1]:
                neg[i] = flow
        out = [math.nan] * len(tp)
        for i in range(period, len(tp)):
            p = sum(pos[i - period + 1 : i + 1])
            n = sum(neg[i - period + 1 : i + 1])
            if n == 0:
                out[i] = 50.0 if p == 0 else 100.0
            else:
                out[i] = 100.0 - 100.0 / (1.0 + p / n)
        return out
        """,
        """
        def check(candidate):
            tp = [10.0, 11.0, 10.5, 12.0]
            want = [nan, nan, 100 * 22 / 53.5, 100 * 48 / 79.5]
            assert _close(candidate(tp, tp, tp, [1.0, 2.0, 3.0, 4.0], 2), want)
            got = candidate([11.0, 14.0], [9.0, 10.0], [10.0, 9.5], [1.0, 1.0], 1)
            assert _close(got, [nan, 100.0])
            flat = [5.0] * 3
            assert _close(candidate(flat, flat, flat, [1.0] * 3, 2), [nan, nan, 50.0])
        """,
        [
            """
            tp = [(h + l + c) / 3.0 for h, l, c in zip(high, low, close)]
            pos = [0.0] * len(tp)
            neg = [0.0] * len(tp)
            for i in range(1, len(tp)):
                flow = tp[i] * volume[i]
                if tp[i] > tp[i - 1]:
                    pos[i] = flow
                elif tp[i] < tp[i - 1]:
                    neg[i] = flow
            out = [math.nan] * len(tp)
            for i in range(period - 1, len(tp)):
                p = sum(pos[max(i - period + 1, 0) : i + 1])
                n = sum(neg[max(i - period + 1, 0) : i + 1])
                if n == 0:
                    out[i] = 50.0 if p == 0 else 100.0
                else:
                    out[i] = 100.0 - 100.0 / (1.0 + p / n)
            return out
            """,
            """
            tp = list(close)
            pos = [0.0] * len(tp)
            neg = [0.0] * len(tp)
            for i in range(1, len(tp)):
                flow = tp[i] * volume[i]
                if tp[i] > tp[i - 1]:
                    pos[i] = flow
                elif tp[i] < tp[i - 1]:
                    neg[i] = flow
            out = [math.nan] * len(tp)
            for i in range(period, len(tp)):
                p = sum(pos[i - period + 1 : i + 1])
                n = sum(neg[i - period + 1 : i + 1])
                if n == 0:
                    out[i] = 50.0 if p == 0 else 100.0
                else:
                    out[i] = 100.0 - 100.0 / (1.0 + p / n)
            return out
            """,
        ],
    ),
    spec(
        "cci",
        "medium",
        '''
        import math


        def cci(
            high: list[float], low: list[float], close: list[float], period: int = 20
        ) -> list[float]:
            """Commodity Channel Index.

            ``tp = (high + low + close) / 3``. Over the ``period`` bars ending at ``i``:
            ``sma`` of ``tp`` and the *mean absolute deviation* ``mean(abs(tp - sma))`` (not the
            standard deviation). ``CCI = (tp[i] - sma) / (0.015 * mad)``; 0.0 when ``mad`` is 0.
            The first ``period - 1`` entries are ``nan``.

            >>> [round(x, 6) for x in cci([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [1.0, 2.0, 3.0], 3)]
            [nan, nan, 100.0]
            """
        ''',
        """
        tp = [(h + l + c) / 3.0 for h, l, c in zip(high, low, close)]
        out = []
        for i in range(len(tp)):
            if i < period - 1:
                out.append(math.nan)
                continue
            win = tp[i - period + 1 : i + 1]
            mean = sum(win) / period
            mad = sum(abs(x - mean) for x in win) / period
            out.append(0.0 if mad == 0 else (tp[i] - mean) / (0.015 * mad))
        return out
        """,
        """
        def check(candidate):
            x = [1.0, 2.0, 3.0]
            assert _close(candidate(x, x, x, 3), [nan, nan, 100.0])
            y = [4.0, 4.0, 1.0, 4.0]
            assert _close(candidate(y, y, y, 4), [nan, nan, nan, (4.0 - 3.25) / (0.015 * 1.125)])
            z = [2.0, 2.0]
            assert _close(candidate(z, z, z, 2), [nan, 0.0])
        """,
        [
            """
            tp = [(h + l + c) / 3.0 for h, l, c in zip(high, low, close)]
            out = []
            for i in range(len(tp)):
                if i < period - 1:
                    out.append(math.nan)
                    continue
                win = tp[i - period + 1 : i + 1]
                mean = sum(win) / period
                sd = math.sqrt(sum((x - mean) ** 2 for x in win) / period)
                out.append(0.0 if sd == 0 else (tp[i] - mean) / (0.015 * sd))
            return out
            """,
            """
            tp = [(h + l + c) / 3.0 for h, l, c in zip(high, low, close)]
            out = []
            for i in range(len(tp)):
                if i < period - 1:
                    out.append(math.nan)
                    continue
                win = tp[i - period + 1 : i + 1]
                mean = sum(win) / period
                mad = sum(abs(x - mean) for x in win) / period
                out.append(0.0 if mad == 0 else (tp[i] - mean) / mad)
            return out
            """,
        ],
    ),
    spec(
        "heikin_ashi",
        "medium",
        '''
        def heikin_ashi(
            open_: list[float], high: list[float], low: list[float], close: list[float]
        ) -> list[tuple[float, float, float, float]]:
            """Heikin-Ashi candles ``(ha_open, ha_high, ha_low, ha_close)``.

            ``ha_close = (o + h + l + c) / 4``. ``ha_open[0] = (o[0] + c[0]) / 2`` and after
            that ``ha_open[i] = (ha_open[i-1] + ha_close[i-1]) / 2`` (the previous *Heikin-Ashi*
            candle, not the raw one). ``ha_high = max(h, ha_open, ha_close)`` and
            ``ha_low = min(l, ha_open, ha_close)``.

            >>> heikin_ashi([10.0], [12.0], [9.0], [11.0])
            [(10.5, 12.0, 9.0, 10.5)]
            """
        ''',
        """
        out = []
        for i, (o, h, l, c) in enumerate(zip(open_, high, low, close)):
            ha_c = (o + h + l + c) / 4.0
            ha_o = (o + c) / 2.0 if i == 0 else (out[-1][0] + out[-1][3]) / 2.0
            out.append((ha_o, max(h, ha_o, ha_c), min(l, ha_o, ha_c), ha_c))
        return out
        """,
        """
        def check(candidate):
            o, h = [10.0, 11.0, 12.0], [12.0, 13.0, 12.5]
            got = candidate(o, h, [9.0, 10.0, 8.0], [11.0, 12.0, 9.0])
            want = [
                (10.5, 12.0, 9.0, 10.5),
                (10.5, 13.0, 10.0, 11.5),
                (11.0, 12.5, 8.0, 10.375),
            ]
            assert _close(got, want)
            got = candidate([10.0, 5.0], [12.0, 6.0], [9.0, 4.0], [11.0, 5.0])
            assert _close(got, [(10.5, 12.0, 9.0, 10.5), (10.5, 10.5, 4.0, 5.0)])
            assert _close(candidate([], [], [], []), [])
        """,
        [
            """
            out = []
            for i, (o, h, l, c) in enumerate(zip(open_, high, low, close)):
                ha_c = (o + h + l + c) / 4.0
                ha_o = (o + c) / 2.0 if i == 0 else (open_[i - 1] + close[i - 1]) / 2.0
                out.append((ha_o, max(h, ha_o, ha_c), min(l, ha_o, ha_c), ha_c))
            return out
            """,
            """
            out = []
            for i, (o, h, l, c) in enumerate(zip(open_, high, low, close)):
                ha_c = (o + h + l + c) / 4.0
                ha_o = (o + c) / 2.0 if i == 0 else (out[-1][0] + out[-1][3]) / 2.0
                out.append((ha_o, h, l, ha_c))
            return out
            """,
        ],
        fix="heikin_ashi on three bars gives the third candle an open of 11.5 instead of 11.0: "
        "the open must average the previous Heikin-Ashi open and close.",
    ),
    spec(
        "donchian_breakout_signals",
        "medium",
        '''
        def donchian_breakout_signals(
            high: list[float], low: list[float], close: list[float], period: int
        ) -> list[int]:
            """Donchian channel breakout signals without look-ahead.

            For ``i >= period`` the channel is built from the *previous* ``period`` bars
            (``i - period .. i - 1``, the current bar excluded): signal ``+1`` if
            ``close[i] > max(high)`` of those bars, ``-1`` if ``close[i] < min(low)``, else 0.
            The first ``period`` entries are 0.

            >>> donchian_breakout_signals([10, 11, 12], [9, 9, 10], [9.5, 10.5, 11.5], 2)
            [0, 0, 1]
            """
        ''',
        """
        out = []
        for i in range(len(close)):
            if i < period:
                out.append(0)
                continue
            hh = max(high[i - period : i])
            ll = min(low[i - period : i])
            out.append(1 if close[i] > hh else -1 if close[i] < ll else 0)
        return out
        """,
        """
        def check(candidate):
            h = [10, 11, 12, 11, 9]
            l = [9, 9, 10, 10, 7]
            c = [9.5, 10.5, 11.5, 10.5, 7.5]
            assert candidate(h, l, c, 2) == [0, 0, 1, 0, -1]
            assert candidate(h, l, c, 5) == [0, 0, 0, 0, 0]
        """,
        [
            """
            out = []
            for i in range(len(close)):
                if i < period - 1:
                    out.append(0)
                    continue
                hh = max(high[i - period + 1 : i + 1])
                ll = min(low[i - period + 1 : i + 1])
                out.append(1 if close[i] > hh else -1 if close[i] < ll else 0)
            return out
            """,
            """
            out = []
            for i in range(len(close)):
                if i < period - 1:
                    out.append(0)
                    continue
                hh = max(high[max(i - period, 0) : i] or [high[0]])
                ll = min(low[max(i - period, 0) : i] or [low[0]])
                out.append(1 if close[i] > hh else -1 if close[i] < ll else 0)
            return out
            """,
        ],
    ),
    spec(
        "crossover_signals",
        "medium",
        '''
        import math


        def crossover_signals(fast: list[float], slow: list[float]) -> list[int]:
            """Moving-average crossover *events* (not states).

            ``+1`` at ``i`` when ``fast[i] > slow[i]`` and ``fast[i-1] <= slow[i-1]`` (crossed
            up), ``-1`` when ``fast[i] < slow[i]`` and ``fast[i-1] >= slow[i-1]`` (crossed down),
            otherwise 0. Index 0, and any index where one of the four values is ``nan``
            (indicator warm-up), is 0.

            >>> crossover_signals([float("nan"), 1, 2, 3, 2, 1], [float("nan"), 2, 2, 2, 2, 2])
            [0, 0, 0, 1, 0, -1]
            """
        ''',
        """
        out = [0] * len(fast)
        for i in range(1, len(fast)):
            vals = (fast[i], slow[i], fast[i - 1], slow[i - 1])
            if any(math.isnan(v) for v in vals):
                continue
            if fast[i] > slow[i] and fast[i - 1] <= slow[i - 1]:
                out[i] = 1
            elif fast[i] < slow[i] and fast[i - 1] >= slow[i - 1]:
                out[i] = -1
        return out
        """,
        """
        def check(candidate):
            fast = [nan, 1, 2, 3, 2, 1]
            slow = [nan, 2, 2, 2, 2, 2]
            assert candidate(fast, slow) == [0, 0, 0, 1, 0, -1]
            assert candidate([1.0, 3.0, 1.0], [2.0, 2.0, 2.0]) == [0, 1, -1]
            assert candidate([], []) == []
        """,
        [
            """
            out = [0] * len(fast)
            for i in range(len(fast)):
                if math.isnan(fast[i]) or math.isnan(slow[i]):
                    continue
                out[i] = 1 if fast[i] > slow[i] else -1 if fast[i] < slow[i] else 0
            return out
            """,
            """
            out = [0] * len(fast)
            for i in range(1, len(fast)):
                vals = (fast[i], slow[i], fast[i - 1], slow[i - 1])
                if any(math.isnan(v) for v in vals):
                    continue
                if fast[i] > slow[i] and fast[i - 1] < slow[i - 1]:
                    out[i] = 1
                elif fast[i] < slow[i] and fast[i - 1] > slow[i - 1]:
                    out[i] = -1
            return out
            """,
        ],
    ),
    spec(
        "tema",
        "medium",
        '''
        def tema(values: list[float], span: int) -> list[float]:
            """Triple exponential moving average ``3*e1 - 3*e2 + e3``.

            ``e1 = ema(values)``, ``e2 = ema(e1)``, ``e3 = ema(e2)``; every ``ema`` is recursive
            with ``alpha = 2 / (span + 1)`` and seeded with its first input (pandas
            ``adjust=False``), so there is no warm-up.

            >>> tema([1.0, 2.0, 3.0], 3)
            [1.0, 1.875, 2.9375]
            """
        ''',
        """
        def ema(xs):
            alpha = 2.0 / (span + 1)
            out = []
            for i, x in enumerate(xs):
                out.append(x if i == 0 else alpha * x + (1 - alpha) * out[-1])
            return out

        e1 = ema(values)
        e2 = ema(e1)
        e3 = ema(e2)
        return [3 * a - 3 * b + c for a, b, c in zip(e1, e2, e3)]
        """,
        """
        def check(candidate):
            assert _close(candidate([1.0, 2.0, 3.0], 3), [1.0, 1.875, 2.9375])
            assert _close(candidate([5.0, 5.0, 5.0, 5.0], 7), [5.0] * 4)
            assert _close(candidate([], 3), [])
        """,
        [
            """
            def ema(xs):
                alpha = 2.0 / (span + 1)
                out = []
                for i, x in enumerate(xs):
                    out.append(x if i == 0 else alpha * x + (1 - alpha) * out[-1])
                return out

            e1 = ema(values)
            e2 = ema(e1)
            return [2 * a - b for a, b in zip(e1, e2)]
            """,
            """
            def ema(xs):
                alpha = 2.0 / (span + 1)
                out = []
                for i, x in enumerate(xs):
                    out.append(x if i == 0 else alpha * x + (1 - alpha) * out[-1])
                return out

            e1 = ema(values)
            e2 = ema(e1)
            e3 = ema(e1)
            return [3 * a - 3 * b + c for a, b, c in zip(e1, e2, e3)]
            """,
        ],
        fix="tema([1.0, 2.0, 3.0], 3) returns [1.0, 1.75, 2.75] instead of [1.0, 1.875, 2.9375].",
    ),
    spec(
        "aroon_up",
        "medium",
        '''
        import math


        def aroon_up(high: list[float], period: int = 25) -> list[float]:
            """Aroon-Up: ``100 * (period - bars_since_high) / period``.

            At index ``i >= period`` look at the ``period + 1`` highs ``high[i - period : i + 1]``;
            ``bars_since_high`` counts bars from the *most recent* occurrence of their maximum to
            ``i``. The first ``period`` entries are ``nan``.

            >>> aroon_up([1, 3, 2, 3, 1], 2)
            [nan, nan, 50.0, 100.0, 50.0]
            """
        ''',
        """
        out = []
        for i in range(len(high)):
            if i < period:
                out.append(math.nan)
                continue
            window = high[i - period : i + 1]
            top = max(window)
            last = max(j for j, h in enumerate(window) if h == top)
            since = period - last
            out.append(100.0 * (period - since) / period)
        return out
        """,
        """
        def check(candidate):
            assert _close(candidate([1, 3, 2, 3, 1], 2), [nan, nan, 50.0, 100.0, 50.0])
            assert _close(candidate([5, 4, 3, 2], 3), [nan, nan, nan, 0.0])
            assert _close(candidate([1, 2], 3), [nan, nan])
        """,
        [
            """
            out = []
            for i in range(len(high)):
                if i < period:
                    out.append(math.nan)
                    continue
                window = high[i - period : i + 1]
                since = period - window.index(max(window))
                out.append(100.0 * (period - since) / period)
            return out
            """,
            """
            out = []
            for i in range(len(high)):
                if i < period - 1:
                    out.append(math.nan)
                    continue
                window = high[i - period + 1 : i + 1]
                top = max(window)
                last = max(j for j, h in enumerate(window) if h == top)
                since = len(window) - 1 - last
                out.append(100.0 * (period - since) / period)
            return out
            """,
        ],
    ),
    spec(
        "vwma",
        "easy",
        '''
        import math


        def vwma(close: list[float], volume: list[float], window: int) -> list[float]:
            """Volume-weighted moving average over ``window`` bars:
            ``sum(close * volume) / sum(volume)``. The first ``window - 1`` entries are ``nan``,
            and so is any window with zero total volume.

            >>> vwma([10.0, 20.0, 30.0], [1.0, 3.0, 0.0], 2)
            [nan, 17.5, 20.0]
            """
        ''',
        """
        out = []
        for i in range(len(close)):
            if i < window - 1:
                out.append(math.nan)
                continue
            c = close[i - window + 1 : i + 1]
            v = volume[i - window + 1 : i + 1]
            total = sum(v)
            out.append(sum(a * b for a, b in zip(c, v)) / total if total > 0 else math.nan)
        return out
        """,
        """
        def check(candidate):
            assert _close(candidate([10.0, 20.0, 30.0], [1.0, 3.0, 0.0], 2), [nan, 17.5, 20.0])
            assert _close(candidate([10.0, 20.0], [0.0, 0.0], 2), [nan, nan])
        """,
        [
            """
            out = []
            for i in range(len(close)):
                if i < window - 1:
                    out.append(math.nan)
                    continue
                out.append(sum(close[i - window + 1 : i + 1]) / window)
            return out
            """,
        ],
    ),
]
