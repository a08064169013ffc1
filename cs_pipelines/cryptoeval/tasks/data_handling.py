"""Market-data handling. OHLCV rows use the ccxt layout ``[ts_ms, open, high, low, close, volume]``
with Unix-epoch millisecond timestamps (UTC)."""

from cs_pipelines.cryptoeval.task import spec

SPECS = [
    spec(
        "resample_ohlcv",
        "medium",
        '''
        def resample_ohlcv(rows: list[list[float]], bar_ms: int) -> list[list[float]]:
            """Aggregate OHLCV rows (``[ts_ms, open, high, low, close, volume]``, sorted by time)
            into bars of ``bar_ms`` milliseconds.

            A row belongs to the bar starting at ``ts // bar_ms * bar_ms`` (bars are labelled
            by their start). Per bar: open of the first row, max high, min low, close of the last
            row, summed volume. Return bars in time order as lists; bars with no rows are omitted.

            >>> resample_ohlcv([[0, 10, 12, 9, 11, 1], [60_000, 11, 13, 10, 12, 2]], 180_000)
            [[0, 10, 13, 9, 12, 3]]
            """
        ''',
        """
        out = []
        for ts, o, h, l, c, v in rows:
            start = ts // bar_ms * bar_ms
            if out and out[-1][0] == start:
                bar = out[-1]
                bar[2] = max(bar[2], h)
                bar[3] = min(bar[3], l)
                bar[4] = c
                bar[5] += v
            else:
                out.append([start, o, h, l, c, v])
        return out
        """,
        """
        def check(candidate):
            rows = [
                [0, 10, 12, 9, 11, 1],
                [60_000, 11, 13, 10, 12, 2],
                [120_000, 12, 12, 8, 9, 3],
                [180_000, 9, 10, 9, 10, 4],
                [300_000, 10, 15, 10, 14, 5],
            ]
            want = [[0, 10, 13, 8, 9, 6], [180_000, 9, 15, 9, 14, 9]]
            assert _close(candidate(rows, 180_000), want)
            assert _close(candidate(rows, 60_000), rows)
            assert _close(candidate(rows[3:], 3_600_000), [[0, 9, 15, 9, 14, 9]])
            one = [[7_200_000, 1, 2, 0.5, 1.5, 0.25]]
            assert _close(candidate(one, 3_600_000), one)
        """,
        [
            """
            out = []
            for ts, o, h, l, c, v in rows:
                start = ts // bar_ms * bar_ms
                if out and out[-1][0] == start:
                    bar = out[-1]
                    bar[2] = max(bar[2], h)
                    bar[3] = min(bar[3], l)
                    bar[5] += v
                else:
                    out.append([start, o, h, l, c, v])
            return out
            """,
            """
            out = []
            for ts, o, h, l, c, v in rows:
                start = ts // bar_ms * bar_ms
                if out and out[-1][0] == start:
                    bar = out[-1]
                    bar[2] = max(bar[2], h)
                    bar[3] = min(bar[3], l)
                    bar[4] = c
                    bar[5] = max(bar[5], v)
                else:
                    out.append([start, o, h, l, c, v])
            return out
            """,
            """
            out = []
            for ts, o, h, l, c, v in rows:
                start = ts - ts % bar_ms + (bar_ms if ts % bar_ms else 0)
                if out and out[-1][0] == start:
                    bar = out[-1]
                    bar[2] = max(bar[2], h)
                    bar[3] = min(bar[3], l)
                    bar[4] = c
                    bar[5] += v
                else:
                    out.append([start, o, h, l, c, v])
            return out
            """,
        ],
        fix="resample_ohlcv on 1-minute rows with closes 11, 12, 9 inside one 3-minute bar gives "
        "that bar a close of 11 instead of 9.",
    ),
    spec(
        "find_gaps",
        "medium",
        '''
        def find_gaps(timestamps_ms: list[int], interval_ms: int) -> list[tuple[int, int]]:
            """Missing bars in a sorted series of bar timestamps.

            Wherever two consecutive timestamps are more than ``interval_ms`` apart, report the
            inclusive range of missing bar timestamps ``(prev + interval_ms, next - interval_ms)``.

            >>> find_gaps([0, 60_000, 240_000, 300_000, 420_000], 60_000)
            [(120000, 180000), (360000, 360000)]
            """
        ''',
        """
        gaps = []
        for prev, nxt in zip(timestamps_ms, timestamps_ms[1:]):
            if nxt - prev > interval_ms:
                gaps.append((prev + interval_ms, nxt - interval_ms))
        return gaps
        """,
        """
        def check(candidate):
            ts = [0, 60_000, 240_000, 300_000, 420_000]
            assert candidate(ts, 60_000) == [(120_000, 180_000), (360_000, 360_000)]
            assert candidate([0, 60_000, 120_000], 60_000) == []
            assert candidate([], 60_000) == []
            assert candidate([0, 7_200_000], 3_600_000) == [(3_600_000, 3_600_000)]
        """,
        [
            """
            gaps = []
            for prev, nxt in zip(timestamps_ms, timestamps_ms[1:]):
                if nxt - prev > interval_ms:
                    gaps.append((prev, nxt))
            return gaps
            """,
            """
            gaps = []
            for prev, nxt in zip(timestamps_ms, timestamps_ms[1:]):
                if nxt - prev > interval_ms:
                    gaps.append((prev + interval_ms, nxt))
            return gaps
            """,
        ],
    ),
    spec(
        "fill_missing_bars",
        "medium",
        '''
        def fill_missing_bars(rows: list[list[float]], interval_ms: int) -> list[list[float]]:
            """Insert synthetic bars for missing timestamps in sorted OHLCV rows.

            A missing bar carries the previous bar's *close* as open, high, low and close and has
            volume 0 (no trades happened). Existing rows are returned unchanged, in order.

            >>> fill_missing_bars([[0, 10, 11, 9, 10.5, 5], [120_000, 11, 12, 10, 11.5, 7]], 60_000)
            [[0, 10, 11, 9, 10.5, 5],
             [60000, 10.5, 10.5, 10.5, 10.5, 0],
             [120000, 11, 12, 10, 11.5, 7]]
            """
        ''',
        """
        out = []
        for row in rows:
            if out:
                ts = out[-1][0] + interval_ms
                while ts < row[0]:
                    c = out[-1][4]
                    out.append([ts, c, c, c, c, 0])
                    ts += interval_ms
            out.append(list(row))
        return out
        """,
        """
        def check(candidate):
            rows = [[0, 10, 11, 9, 10.5, 5], [180_000, 11, 12, 10, 11.5, 7]]
            want = [
                [0, 10, 11, 9, 10.5, 5],
                [60_000, 10.5, 10.5, 10.5, 10.5, 0],
                [120_000, 10.5, 10.5, 10.5, 10.5, 0],
                [180_000, 11, 12, 10, 11.5, 7],
            ]
            assert _close(candidate(rows, 60_000), want)
            assert _close(candidate(rows[:1], 60_000), rows[:1])
            assert _close(candidate([], 60_000), [])
        """,
        [
            """
            out = []
            for row in rows:
                if out:
                    ts = out[-1][0] + interval_ms
                    while ts < row[0]:
                        out.append([ts] + list(out[-1][1:]))
                        ts += interval_ms
                out.append(list(row))
            return out
            """,
            """
            out = []
            for row in rows:
                if out:
                    ts = out[-1][0] + interval_ms
                    while ts < row[0]:
                        o = row[1]
                        out.append([ts, o, o, o, o, 0])
                        ts += interval_ms
                out.append(list(row))
            return out
            """,
        ],
    ),
    spec(
        "dedupe_bars",
        "easy",
        '''
        def dedupe_bars(rows: list[list[float]]) -> list[list[float]]:
            """Drop duplicate-timestamp OHLCV rows, keeping the *last* occurrence (exchanges
            re-send a corrected bar), and return the rows sorted by timestamp.

            >>> dedupe_bars([[60_000, 2, 2, 2, 2, 1], [0, 1, 1, 1, 1, 1], [60_000, 3, 3, 3, 3, 2]])
            [[0, 1, 1, 1, 1, 1], [60000, 3, 3, 3, 3, 2]]
            """
        ''',
        """
        latest = {}
        for row in rows:
            latest[row[0]] = row
        return [latest[ts] for ts in sorted(latest)]
        """,
        """
        def check(candidate):
            rows = [[60_000, 2, 2, 2, 2, 1], [0, 1, 1, 1, 1, 1], [60_000, 3, 3, 3, 3, 2]]
            assert _close(candidate(rows), [[0, 1, 1, 1, 1, 1], [60_000, 3, 3, 3, 3, 2]])
            assert _close(candidate([]), [])
        """,
        [
            """
            seen = {}
            for row in rows:
                seen.setdefault(row[0], row)
            return [seen[ts] for ts in sorted(seen)]
            """,
            """
            latest = {}
            for row in rows:
                latest[row[0]] = row
            return list(latest.values())
            """,
        ],
    ),
    spec(
        "invalid_ohlcv_rows",
        "easy",
        '''
        import math


        def invalid_ohlcv_rows(rows: list[list[float]]) -> list[int]:
            """Indices of OHLCV rows that fail sanity checks, in order.

            A row is invalid if any of open/high/low/close/volume is not finite (NaN or
            infinite), if ``high < max(open, close)``, if ``low > min(open, close)``, or if
            ``volume < 0``.

            >>> invalid_ohlcv_rows([[0, 10, 11, 9, 10, 1], [60_000, 10, 10.5, 9, 11, 1]])
            [1]
            """
        ''',
        """
        bad = []
        for i, (_, o, h, l, c, v) in enumerate(rows):
            if not all(math.isfinite(x) for x in (o, h, l, c, v)):
                bad.append(i)
            elif h < max(o, c) or l > min(o, c) or v < 0:
                bad.append(i)
        return bad
        """,
        """
        def check(candidate):
            rows = [
                [0, 10, 11, 9, 10, 1],
                [60_000, 10, 10.5, 9, 11, 1],
                [120_000, 9, 11, 9.5, 10, 1],
                [180_000, 10, 11, 9, 10, -1],
                [240_000, 10, 11, 9, float("nan"), 1],
                [300_000, 10, 10, 10, 10, 0],
                [360_000, 10, float("inf"), 9, 10, 1],
            ]
            assert candidate(rows) == [1, 2, 3, 4, 6]
            assert candidate([]) == []
        """,
        [
            """
            bad = []
            for i, (_, o, h, l, c, v) in enumerate(rows):
                if h < max(o, c) or l > min(o, c) or v < 0:
                    bad.append(i)
            return bad
            """,
            """
            bad = []
            for i, (_, o, h, l, c, v) in enumerate(rows):
                if not all(math.isfinite(x) for x in (o, h, l, c, v)) or h < l or v < 0:
                    bad.append(i)
            return bad
            """,
        ],
    ),
    spec(
        "align_ffill",
        "medium",
        '''
        import math


        def align_ffill(
            a: list[tuple[int, float]], b: list[tuple[int, float]]
        ) -> list[tuple[int, float, float]]:
            """Align two sorted ``(ts, value)`` series on the union of their timestamps.

            Return ``(ts, a_value, b_value)`` for every timestamp in either series, in order.
            A series without a value at ``ts`` carries its last earlier value forward (never a
            later one: that would leak the future); before its first value it is ``nan``.

            >>> align_ffill([(1, 10.0), (3, 30.0)], [(2, 200.0)])
            [(1, 10.0, nan), (2, 10.0, 200.0), (3, 30.0, 200.0)]
            """
        ''',
        """
        da, db = dict(a), dict(b)
        out = []
        last_a = last_b = math.nan
        for ts in sorted(set(da) | set(db)):
            last_a = da.get(ts, last_a)
            last_b = db.get(ts, last_b)
            out.append((ts, last_a, last_b))
        return out
        """,
        """
        def check(candidate):
            got = candidate([(1, 10.0), (3, 30.0)], [(2, 200.0), (3, 300.0), (4, 400.0)])
            want = [(1, 10.0, nan), (2, 10.0, 200.0), (3, 30.0, 300.0), (4, 30.0, 400.0)]
            assert _close(got, want)
            assert _close(candidate([], [(5, 1.0)]), [(5, nan, 1.0)])
        """,
        [
            """
            da, db = dict(a), dict(b)
            return [(ts, da[ts], db[ts]) for ts in sorted(set(da) & set(db))]
            """,
            """
            da, db = dict(a), dict(b)
            times = sorted(set(da) | set(db))
            out = []
            next_a = next_b = math.nan
            for ts in reversed(times):
                next_a = da.get(ts, next_a)
                next_b = db.get(ts, next_b)
                out.append((ts, next_a, next_b))
            return out[::-1]
            """,
        ],
        fix="align_ffill([(1, 10.0), (3, 30.0)], [(2, 200.0)]) returns [] instead of one row per "
        "timestamp of either series.",
    ),
    spec(
        "next_funding_time",
        "easy",
        '''
        def next_funding_time(ts_ms: int, interval_hours: int = 8) -> int:
            """Next funding timestamp strictly after ``ts_ms``.

            Funding happens every ``interval_hours`` hours aligned to UTC midnight (00:00, 08:00,
            16:00 for 8 h). A timestamp exactly on a funding time returns the *following* one.

            >>> next_funding_time(1)
            28800000
            """
        ''',
        """
        period = interval_hours * 3_600_000
        return (ts_ms // period + 1) * period
        """,
        """
        def check(candidate):
            assert candidate(1) == 28_800_000
            assert candidate(0) == 28_800_000
            assert candidate(28_800_000) == 57_600_000
            assert candidate(86_399_999) == 86_400_000
            assert candidate(3_600_001, 1) == 7_200_000
        """,
        [
            """
            period = interval_hours * 3_600_000
            return -(-ts_ms // period) * period
            """,
            """
            period = 8 * 3_600_000
            return (ts_ms // period + 1) * period
            """,
        ],
    ),
    spec(
        "bars_from_trades",
        "medium",
        '''
        def bars_from_trades(
            trades: list[tuple[int, float, float]], bar_ms: int
        ) -> list[list[float]]:
            """Build OHLCV bars from time-sorted trades ``(ts_ms, price, qty)``.

            A trade belongs to the bar starting at ``ts // bar_ms * bar_ms``. Open/close are the
            first/last trade prices, high/low the extremes, volume the summed base quantity.
            Bars without trades are omitted.

            >>> bars_from_trades([(1_000, 100.0, 1.0), (30_000, 105.0, 2.0)], 60_000)
            [[0, 100.0, 105.0, 100.0, 105.0, 3.0]]
            """
        ''',
        """
        out = []
        for ts, price, qty in trades:
            start = ts // bar_ms * bar_ms
            if out and out[-1][0] == start:
                bar = out[-1]
                bar[2] = max(bar[2], price)
                bar[3] = min(bar[3], price)
                bar[4] = price
                bar[5] += qty
            else:
                out.append([start, price, price, price, price, qty])
        return out
        """,
        """
        def check(candidate):
            trades = [
                (1_000, 100.0, 1.0),
                (30_000, 105.0, 2.0),
                (59_999, 99.0, 1.0),
                (60_000, 101.0, 0.5),
            ]
            want = [[0, 100.0, 105.0, 99.0, 99.0, 4.0], [60_000, 101.0, 101.0, 101.0, 101.0, 0.5]]
            assert _close(candidate(trades, 60_000), want)
            assert _close(candidate([], 60_000), [])
        """,
        [
            """
            out = []
            for ts, price, qty in trades:
                start = ts // bar_ms * bar_ms
                if out and out[-1][0] == start:
                    bar = out[-1]
                    bar[2] = max(bar[2], price)
                    bar[3] = min(bar[3], price)
                    bar[4] = price
                    bar[5] += 1
                else:
                    out.append([start, price, price, price, price, 1])
            return out
            """,
            """
            out = []
            for ts, price, qty in trades:
                start = ts // bar_ms * bar_ms
                if out and out[-1][0] == start:
                    bar = out[-1]
                    bar[2] = max(bar[2], price)
                    bar[3] = min(bar[3], price)
                    bar[4] = price
                    bar[5] += price * qty
                else:
                    out.append([start, price, price, price, price, price * qty])
            return out
            """,
        ],
    ),
    spec(
        "stale_price_indices",
        "easy",
        '''
        def stale_price_indices(closes: list[float], max_repeats: int) -> list[int]:
            """Flag a possibly stale feed: indices whose close is at least the
            ``(max_repeats + 1)``-th consecutive identical value.

            >>> stale_price_indices([1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0], 2)
            [2, 5, 6]
            """
        ''',
        """
        out = []
        run = 0
        for i, c in enumerate(closes):
            run = run + 1 if i > 0 and c == closes[i - 1] else 1
            if run > max_repeats:
                out.append(i)
        return out
        """,
        """
        def check(candidate):
            assert candidate([1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0], 2) == [2, 5, 6]
            assert candidate([1.0, 2.0, 1.0, 2.0], 1) == []
            assert candidate([3.0, 3.0], 1) == [1]
            assert candidate([], 3) == []
        """,
        [
            """
            out = []
            run = 0
            for i, c in enumerate(closes):
                run = run + 1 if i > 0 and c == closes[i - 1] else 0
                if run > max_repeats:
                    out.append(i)
            return out
            """,
            """
            out = []
            run = 0
            for i, c in enumerate(closes):
                run = run + 1 if i > 0 and c == closes[i - 1] else 1
                if run >= max_repeats:
                    out.append(i)
            return out
            """,
        ],
    ),
    spec(
        "infer_bar_interval",
        "easy",
        '''
        from collections import Counter


        def infer_bar_interval(timestamps_ms: list[int]) -> int:
            """Bar interval of a sorted timestamp series: the most common positive difference
            between consecutive timestamps (ties go to the smaller difference). Gaps and the odd
            misaligned bar must not change the answer. Raise ``ValueError`` with fewer than two
            distinct timestamps.

            >>> infer_bar_interval([0, 60_000, 120_000, 125_000, 180_000, 240_000])
            60000
            """
        ''',
        """
        diffs = [b - a for a, b in zip(timestamps_ms, timestamps_ms[1:]) if b > a]
        if not diffs:
            raise ValueError("need at least two distinct timestamps")
        counts = Counter(diffs)
        return min(counts, key=lambda d: (-counts[d], d))
        """,
        """
        def check(candidate):
            assert candidate([0, 60_000, 120_000, 125_000, 180_000, 240_000]) == 60_000
            assert candidate([0, 3_600_000, 10_800_000, 14_400_000]) == 3_600_000
            assert candidate([0, 5, 15]) == 5
            assert candidate([0, 10, 15]) == 5
            assert _raises(candidate, ValueError, [7, 7])
        """,
        [
            """
            diffs = [b - a for a, b in zip(timestamps_ms, timestamps_ms[1:]) if b > a]
            if not diffs:
                raise ValueError("need at least two distinct timestamps")
            return min(diffs)
            """,
            """
            diffs = [b - a for a, b in zip(timestamps_ms, timestamps_ms[1:]) if b > a]
            if not diffs:
                raise ValueError("need at least two distinct timestamps")
            return Counter(diffs).most_common(1)[0][0]
            """,
        ],
    ),
    spec(
        "parse_timeframe",
        "easy",
        '''
        def parse_timeframe(timeframe: str) -> int:
            """Milliseconds in a ccxt-style timeframe such as ``"1m"``, ``"15m"``, ``"4h"``,
            ``"1d"``, ``"1w"`` or ``"30s"``.

            Units are case-sensitive: ``s``, ``m`` (minute), ``h``, ``d``, ``w`` (7 days; crypto
            trades on weekends). Months (``"1M"``) have no fixed length: raise ``ValueError``
            for them and for anything malformed.

            >>> parse_timeframe("4h")
            14400000
            """
        ''',
        """
        units = {"s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000}
        if len(timeframe) < 2 or timeframe[-1] not in units or not timeframe[:-1].isdigit():
            raise ValueError(f"bad timeframe {timeframe!r}")
        return int(timeframe[:-1]) * units[timeframe[-1]]
        """,
        """
        def check(candidate):
            assert candidate("1m") == 60_000
            assert candidate("15m") == 900_000
            assert candidate("4h") == 14_400_000
            assert candidate("1d") == 86_400_000
            assert candidate("1w") == 604_800_000
            assert candidate("30s") == 30_000
            assert _raises(candidate, ValueError, "1M")
            assert _raises(candidate, ValueError, "h")
            assert _raises(candidate, ValueError, "1y")
        """,
        [
            """
            units = {"s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000}
            unit = timeframe[-1].lower()
            if len(timeframe) < 2 or unit not in units or not timeframe[:-1].isdigit():
                raise ValueError(f"bad timeframe {timeframe!r}")
            return int(timeframe[:-1]) * units[unit]
            """,
            """
            units = {"s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 432_000_000}
            if len(timeframe) < 2 or timeframe[-1] not in units or not timeframe[:-1].isdigit():
                raise ValueError(f"bad timeframe {timeframe!r}")
            return int(timeframe[:-1]) * units[timeframe[-1]]
            """,
        ],
    ),
    spec(
        "closed_bars",
        "easy",
        '''
        def closed_bars(rows: list[list[float]], now_ms: int, bar_ms: int) -> list[list[float]]:
            """Drop the still-forming bar(s) from OHLCV rows fetched at ``now_ms``.

            A bar starting at ``ts`` is closed once ``ts + bar_ms <= now_ms``; trading on an
            unfinished bar would use data that can still change (look-ahead in backtests).

            >>> rows = [[0, 1, 1, 1, 1, 1], [60_000, 1, 1, 1, 1, 1]]
            >>> [r[0] for r in closed_bars(rows, 90_000, 60_000)]
            [0]
            """
        ''',
        """
        return [row for row in rows if row[0] + bar_ms <= now_ms]
        """,
        """
        def check(candidate):
            rows = [[ts, 1, 1, 1, 1, 1] for ts in (0, 60_000, 120_000)]
            assert [r[0] for r in candidate(rows, 150_000, 60_000)] == [0, 60_000]
            assert [r[0] for r in candidate(rows, 180_000, 60_000)] == [0, 60_000, 120_000]
            assert candidate(rows, 59_999, 60_000) == []
        """,
        [
            """
            return [row for row in rows if row[0] <= now_ms]
            """,
            """
            return [row for row in rows if row[0] + bar_ms < now_ms]
            """,
        ],
    ),
    spec(
        "time_split_with_embargo",
        "medium",
        '''
        import math


        def time_split_with_embargo(
            n: int, test_fraction: float, embargo: int
        ) -> tuple[list[int], list[int]]:
            """Chronological train/test split of ``n`` bars with an embargo gap.

            ``n_train = math.floor(n * (1 - test_fraction) + 1e-9)``; train indices are
            ``0 .. n_train - 1``; the next ``embargo`` bars are dropped (so features built from
            overlapping windows cannot leak into the test set) and the test set is
            ``n_train + embargo .. n - 1``. Never shuffle time series.

            >>> time_split_with_embargo(10, 0.3, 1)
            ([0, 1, 2, 3, 4, 5, 6], [8, 9])
            """
        ''',
        """
        n_train = math.floor(n * (1 - test_fraction) + 1e-9)
        return list(range(n_train)), list(range(n_train + embargo, n))
        """,
        """
        def check(candidate):
            assert candidate(10, 0.3, 1) == ([0, 1, 2, 3, 4, 5, 6], [8, 9])
            assert candidate(10, 0.3, 0) == ([0, 1, 2, 3, 4, 5, 6], [7, 8, 9])
            assert candidate(5, 0.2, 3) == ([0, 1, 2, 3], [])
            assert candidate(10, 0.9, 0) == ([0], [1, 2, 3, 4, 5, 6, 7, 8, 9])
        """,
        [
            """
            n_train = math.floor(n * (1 - test_fraction) + 1e-9)
            return list(range(n_train)), list(range(n_train, n))
            """,
            """
            n_train = math.floor(n * (1 - test_fraction))
            return list(range(n_train)), list(range(n_train + embargo, n))
            """,
            """
            n_train = math.floor(n * (1 - test_fraction) + 1e-9)
            return list(range(n_train - embargo)), list(range(n_train, n))
            """,
        ],
    ),
    spec(
        "resample_complete_bars",
        "hard",
        '''
        def resample_complete_bars(
            rows: list[list[float]], src_ms: int, bar_ms: int
        ) -> list[list[float]]:
            """Resample OHLCV rows of interval ``src_ms`` into ``bar_ms`` bars, emitting only
            *complete* bars.

            Rows are ``[ts_ms, open, high, low, close, volume]`` and may arrive unsorted and with
            duplicated timestamps (keep the *last* occurrence of a timestamp). A row belongs to
            the bar starting at ``ts // bar_ms * bar_ms``; a bar is complete when it holds all
            ``bar_ms // src_ms`` distinct source timestamps. Aggregate open (first), high (max),
            low (min), close (last), volume (sum) in time order; return complete bars sorted.

            >>> rows = [[60_000, 2, 3, 1, 2, 1], [0, 1, 2, 1, 2, 1], [120_000, 2, 2, 2, 2, 1]]
            >>> resample_complete_bars(rows, 60_000, 120_000)
            [[0, 1, 3, 1, 2, 2]]
            """
        ''',
        """
        latest = {}
        for row in rows:
            latest[row[0]] = row
        need = bar_ms // src_ms
        groups = {}
        for ts in sorted(latest):
            groups.setdefault(ts // bar_ms * bar_ms, []).append(latest[ts])
        out = []
        for start in sorted(groups):
            g = groups[start]
            if len(g) != need:
                continue
            out.append(
                [start, g[0][1], max(r[2] for r in g), min(r[3] for r in g), g[-1][4],
                 sum(r[5] for r in g)]
            )
        return out
        """,
        """
        def check(candidate):
            rows = [[60_000, 2, 3, 1, 2, 1], [0, 1, 2, 1, 2, 1], [120_000, 2, 2, 2, 2, 1]]
            assert _close(candidate(rows, 60_000, 120_000), [[0, 1, 3, 1, 2, 2]])
            rows = [
                [0, 10, 11, 9, 10, 1],
                [60_000, 10, 12, 10, 11, 1],
                [60_000, 10, 13, 10, 12, 5],
                [180_000, 12, 12, 11, 11, 1],
                [120_000, 11, 11, 10, 10, 2],
            ]
            want = [[0, 10, 13, 9, 12, 6], [120_000, 11, 12, 10, 11, 3]]
            assert _close(candidate(rows, 60_000, 120_000), want)
            assert _close(candidate(rows, 60_000, 240_000), [[0, 10, 13, 9, 11, 9]])
        """,
        [
            """
            latest = {}
            for row in rows:
                latest[row[0]] = row
            groups = {}
            for ts in sorted(latest):
                groups.setdefault(ts // bar_ms * bar_ms, []).append(latest[ts])
            out = []
            for start in sorted(groups):
                g = groups[start]
                out.append(
                    [start, g[0][1], max(r[2] for r in g), min(r[3] for r in g), g[-1][4],
                     sum(r[5] for r in g)]
                )
            return out
            """,
            """
            need = bar_ms // src_ms
            groups = {}
            for row in sorted(rows, key=lambda r: r[0]):
                groups.setdefault(row[0] // bar_ms * bar_ms, []).append(row)
            out = []
            for start in sorted(groups):
                g = groups[start]
                if len({r[0] for r in g}) != need:
                    continue
                out.append(
                    [start, g[0][1], max(r[2] for r in g), min(r[3] for r in g), g[-1][4],
                     sum(r[5] for r in g)]
                )
            return out
            """,
            """
            latest = {}
            for row in rows:
                latest[row[0]] = row
            need = bar_ms // src_ms
            groups = {}
            for ts in latest:
                groups.setdefault(ts // bar_ms * bar_ms, []).append(latest[ts])
            out = []
            for start in sorted(groups):
                g = groups[start]
                if len(g) != need:
                    continue
                out.append(
                    [start, g[0][1], max(r[2] for r in g), min(r[3] for r in g), g[-1][4],
                     sum(r[5] for r in g)]
                )
            return out
            """,
        ],
        fix="on the docstring rows it returns [[0, 1, 3, 1, 2, 2], [120000, 2, 2, 2, 2, 1]]: the "
        "half-filled bar starting at 120000 must not be emitted.",
    ),
    spec(
        "ffill_with_limit",
        "medium",
        '''
        import math


        def ffill_with_limit(values: list[float], limit: int) -> list[float]:
            """Forward-fill ``nan`` values with the last valid value, but fill at most ``limit``
            *consecutive* missing values (a longer outage stays ``nan`` after the first
            ``limit``); leading ``nan`` values stay ``nan``.

            >>> ffill_with_limit([1.0, float("nan"), float("nan"), float("nan"), 5.0], 2)
            [1.0, 1.0, 1.0, nan, 5.0]
            """
        ''',
        """
        out = []
        last = math.nan
        run = 0
        for v in values:
            if math.isnan(v):
                run += 1
                out.append(last if run <= limit else math.nan)
            else:
                last = v
                run = 0
                out.append(v)
        return out
        """,
        """
        def check(candidate):
            got = candidate([1.0, nan, nan, nan, 5.0, nan], 2)
            assert _close(got, [1.0, 1.0, 1.0, nan, 5.0, 5.0])
            assert _close(candidate([nan, 2.0, nan], 1), [nan, 2.0, 2.0])
            assert _close(candidate([3.0, nan], 0), [3.0, nan])
        """,
        [
            """
            out = []
            last = math.nan
            for v in values:
                if math.isnan(v):
                    out.append(last)
                else:
                    last = v
                    out.append(v)
            return out
            """,
            """
            out = []
            last = math.nan
            filled = 0
            for v in values:
                if math.isnan(v):
                    filled += 1
                    out.append(last if filled <= limit else math.nan)
                else:
                    last = v
                    out.append(v)
            return out
            """,
        ],
    ),
    spec(
        "returns_across_gaps",
        "medium",
        '''
        import math


        def returns_across_gaps(rows: list[list[float]], interval_ms: int) -> list[float]:
            """Close-to-close simple returns of OHLCV rows that refuse to bridge data gaps.

            Entry ``i >= 1`` is ``close[i] / close[i-1] - 1`` only when the rows are exactly
            ``interval_ms`` apart; across a gap (missing bars) it is ``nan``, as is entry 0.

            >>> rows = [[0, 1, 1, 1, 100.0, 1], [60_000, 1, 1, 1, 110.0, 1]]
            >>> [round(x, 6) for x in returns_across_gaps(rows, 60_000)]
            [nan, 0.1]
            """
        ''',
        """
        out = [math.nan] * len(rows)
        for i in range(1, len(rows)):
            if rows[i][0] - rows[i - 1][0] == interval_ms:
                out[i] = rows[i][4] / rows[i - 1][4] - 1.0
        return out
        """,
        """
        def check(candidate):
            ts = [0, 60_000, 180_000, 240_000]
            closes = [100.0, 110.0, 121.0, 110.0]
            rows = [[t, 1, 1, 1, c, 1] for t, c in zip(ts, closes)]
            assert _close(candidate(rows, 60_000), [nan, 0.1, nan, 110.0 / 121.0 - 1])
            assert _close(candidate([], 60_000), [])
        """,
        [
            """
            out = [math.nan] * len(rows)
            for i in range(1, len(rows)):
                out[i] = rows[i][4] / rows[i - 1][4] - 1.0
            return out
            """,
            """
            out = []
            for i in range(1, len(rows)):
                if rows[i][0] - rows[i - 1][0] == interval_ms:
                    out.append(rows[i][4] / rows[i - 1][4] - 1.0)
            return out
            """,
        ],
    ),
    spec(
        "outlier_ticks",
        "medium",
        '''
        from statistics import median


        def outlier_ticks(prices: list[float], window: int, threshold: float) -> list[int]:
            """Indices of suspicious prints: for ``i >= window``, flag ``i`` when
            ``abs(prices[i] / median(prices[i - window : i]) - 1) > threshold``. The reference
            median uses only *earlier* prices (the tick under test must not vote for itself)
            and is a median, not a mean, so one bad print cannot drag it.

            >>> outlier_ticks([100, 101, 99, 100, 150, 100, 101], 3, 0.1)
            [4]
            """
        ''',
        """
        return [
            i
            for i in range(window, len(prices))
            if abs(prices[i] / median(prices[i - window : i]) - 1) > threshold
        ]
        """,
        """
        def check(candidate):
            p = [100, 101, 99, 100, 150, 100, 101]
            assert candidate(p, 3, 0.1) == [4]
            assert candidate(p, 2, 0.1) == [4, 5, 6]
            assert candidate([100, 100], 3, 0.1) == []
        """,
        [
            """
            return [
                i
                for i in range(window, len(prices))
                if abs(prices[i] / (sum(prices[i - window : i]) / window) - 1) > threshold
            ]
            """,
            """
            return [
                i
                for i in range(window, len(prices))
                if abs(prices[i] / median(prices[i - window + 1 : i + 1]) - 1) > threshold
            ]
            """,
        ],
    ),
]
