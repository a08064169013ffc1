"""Order-book maths. Books are lists of ``(price, qty)`` levels, best first: bids descending by
price, asks ascending."""

from cs_pipelines.cryptoeval.task import spec

SPECS = [
    spec(
        "mid_price",
        "easy",
        '''
        import math


        def mid_price(bids: list[tuple[float, float]], asks: list[tuple[float, float]]) -> float:
            """Mid price ``(best_bid + best_ask) / 2``.

            Levels are ``(price, qty)`` with the best level first (bids descending, asks
            ascending). If either side is empty return ``nan``.

            >>> mid_price([(99.0, 1.0), (98.0, 2.0)], [(101.0, 1.0), (102.0, 5.0)])
            100.0
            """
        ''',
        """
        if not bids or not asks:
            return math.nan
        return (bids[0][0] + asks[0][0]) / 2.0
        """,
        """
        def check(candidate):
            bids, asks = [(99.0, 1.0), (98.0, 2.0)], [(101.0, 1.0), (102.0, 5.0)]
            assert _close(candidate(bids, asks), 100.0)
            assert _close(candidate([(10.0, 1.0), (9.0, 1.0)], [(10.5, 1.0)]), 10.25)
            assert _close(candidate([(99.0, 3.0)], [(101.0, 1.0)]), 100.0)
            assert math.isnan(candidate([], [(1.0, 1.0)]))
            assert math.isnan(candidate([(1.0, 1.0)], []))
        """,
        [
            """
            if not bids or not asks:
                return math.nan
            return (bids[-1][0] + asks[0][0]) / 2.0
            """,
            """
            if not bids or not asks:
                return math.nan
            return (bids[0][0] * bids[0][1] + asks[0][0] * asks[0][1]) / (bids[0][1] + asks[0][1])
            """,
        ],
    ),
    spec(
        "spread_bps",
        "easy",
        '''
        def spread_bps(best_bid: float, best_ask: float) -> float:
            """Quoted spread in basis points of the mid: ``(ask - bid) / mid * 10_000``.

            >>> round(spread_bps(99.0, 101.0), 6)
            200.0
            """
        ''',
        """
        mid = (best_bid + best_ask) / 2.0
        return (best_ask - best_bid) / mid * 10_000.0
        """,
        """
        def check(candidate):
            assert _close(candidate(99.0, 101.0), 200.0)
            assert _close(candidate(30_000.0, 30_001.0), 1.0 / 30_000.5 * 10_000.0)
        """,
        [
            """
            return (best_ask - best_bid) / best_bid * 10_000.0
            """,
            """
            mid = (best_bid + best_ask) / 2.0
            return (best_ask - best_bid) / mid * 100.0
            """,
        ],
    ),
    spec(
        "walk_book_avg_price",
        "medium",
        '''
        def walk_book_avg_price(levels: list[tuple[float, float]], qty: float) -> float:
            """Volume-weighted average fill price of a market order for ``qty`` that consumes
            ``levels`` (best first) in order, taking a partial amount of the last level.

            Raise ``ValueError`` if the book does not hold ``qty`` (insufficient depth) or if
            ``qty <= 0``.

            >>> walk_book_avg_price([(100.0, 1.0), (101.0, 2.0), (103.0, 5.0)], 2.0)
            100.5
            """
        ''',
        """
        if qty <= 0:
            raise ValueError("qty must be positive")
        remaining = qty
        cost = 0.0
        for price, size in levels:
            take = min(size, remaining)
            cost += take * price
            remaining -= take
            if remaining <= 1e-12:
                return cost / qty
        raise ValueError("insufficient depth")
        """,
        """
        def check(candidate):
            book = [(100.0, 1.0), (101.0, 2.0), (103.0, 5.0)]
            assert _close(candidate(book, 2.0), 100.5)
            assert _close(candidate(book, 0.5), 100.0)
            assert _close(candidate(book, 4.0), (100.0 + 202.0 + 103.0) / 4.0)
            assert _close(candidate(book, 8.0), (100.0 + 202.0 + 515.0) / 8.0)
            assert _raises(candidate, ValueError, book, 8.5)
            assert _raises(candidate, ValueError, book, 0.0)
        """,
        [
            """
            if qty <= 0:
                raise ValueError("qty must be positive")
            remaining = qty
            touched = []
            for price, size in levels:
                touched.append(price)
                remaining -= min(size, remaining)
                if remaining <= 1e-12:
                    return sum(touched) / len(touched)
            raise ValueError("insufficient depth")
            """,
            """
            if qty <= 0:
                raise ValueError("qty must be positive")
            remaining = qty
            cost = 0.0
            for price, size in levels:
                take = min(size, remaining)
                cost += take * price
                remaining -= take
                if remaining <= 1e-12:
                    break
            return cost / qty
            """,
        ],
        fix="walk_book_avg_price([(100.0, 1.0), (101.0, 2.0), (103.0, 5.0)], 4.0) returns "
        "101.33 instead of 101.25: deeper levels are not weighted by the quantity taken.",
    ),
    spec(
        "partial_fill",
        "medium",
        '''
        import math


        def partial_fill(levels: list[tuple[float, float]], qty: float) -> tuple[float, float]:
            """Immediate-or-cancel market order: fill as much of ``qty`` as ``levels`` allow.

            Return ``(filled_qty, avg_price)`` where ``avg_price`` is the volume-weighted price of
            what was filled (``nan`` if nothing was filled). The unfilled rest is cancelled.

            >>> partial_fill([(100.0, 1.0), (102.0, 1.0)], 3.0)
            (2.0, 101.0)
            """
        ''',
        """
        remaining = qty
        filled = 0.0
        cost = 0.0
        for price, size in levels:
            if remaining <= 0:
                break
            take = min(size, remaining)
            filled += take
            cost += take * price
            remaining -= take
        return filled, (cost / filled if filled > 0 else math.nan)
        """,
        """
        def check(candidate):
            assert _close(candidate([(100.0, 1.0), (102.0, 1.0)], 3.0), (2.0, 101.0))
            assert _close(candidate([(100.0, 1.0), (102.0, 1.0)], 1.5), (1.5, 302.0 / 3.0))
            filled, avg = candidate([], 1.0)
            assert _close(filled, 0.0, abs_tol=1e-12) and math.isnan(avg)
        """,
        [
            """
            remaining = qty
            filled = 0.0
            cost = 0.0
            for price, size in levels:
                if remaining <= 0:
                    break
                take = min(size, remaining)
                filled += take
                cost += take * price
                remaining -= take
            return filled, (cost / qty if filled > 0 else math.nan)
            """,
            """
            filled = 0.0
            cost = 0.0
            for price, size in levels:
                take = min(size, qty - filled)
                filled += take
                cost += take * price
            if filled < qty:
                raise ValueError("insufficient depth")
            return filled, cost / filled
            """,
        ],
    ),
    spec(
        "buy_with_quote",
        "medium",
        '''
        def buy_with_quote(asks: list[tuple[float, float]], quote_amount: float) -> float:
            """Base quantity received by a market buy that spends ``quote_amount`` (fees
            ignored), walking ``asks`` from the best level. Raise ``ValueError`` if the asks
            cannot absorb the whole amount.

            >>> buy_with_quote([(100.0, 1.0), (200.0, 1.0)], 150.0)
            1.25
            """
        ''',
        """
        remaining = quote_amount
        base = 0.0
        for price, size in asks:
            level_cost = price * size
            if level_cost >= remaining:
                return base + remaining / price
            base += size
            remaining -= level_cost
        raise ValueError("insufficient depth")
        """,
        """
        def check(candidate):
            assert _close(candidate([(100.0, 1.0), (200.0, 1.0)], 150.0), 1.25)
            assert _close(candidate([(100.0, 1.0), (200.0, 1.0)], 300.0), 2.0)
            assert _close(candidate([(50.0, 10.0)], 100.0), 2.0)
            assert _close(candidate([(100.0, 1.0), (200.0, 1.0), (400.0, 1.0)], 500.0), 2.5)
            assert _raises(candidate, ValueError, [(100.0, 1.0)], 101.0)
        """,
        [
            """
            if sum(p * s for p, s in asks) < quote_amount:
                raise ValueError("insufficient depth")
            return quote_amount / asks[0][0]
            """,
            """
            remaining = quote_amount
            base = 0.0
            for price, size in asks:
                level_cost = price * size
                if level_cost >= remaining:
                    return base + remaining / price
                base += level_cost / asks[0][0]
                remaining -= level_cost
            raise ValueError("insufficient depth")
            """,
        ],
    ),
    spec(
        "microprice",
        "easy",
        '''
        def microprice(bid: float, bid_qty: float, ask: float, ask_qty: float) -> float:
            """Size-weighted mid (microprice): ``(bid * ask_qty + ask * bid_qty) /
            (bid_qty + ask_qty)``. A heavy bid pushes the fair price towards the ask.

            >>> microprice(99.0, 3.0, 101.0, 1.0)
            100.5
            """
        ''',
        """
        return (bid * ask_qty + ask * bid_qty) / (bid_qty + ask_qty)
        """,
        """
        def check(candidate):
            assert _close(candidate(99.0, 3.0, 101.0, 1.0), 100.5)
            assert _close(candidate(99.0, 1.0, 101.0, 1.0), 100.0)
            assert _close(candidate(10.0, 0.0, 11.0, 2.0), 10.0)
        """,
        [
            """
            return (bid * bid_qty + ask * ask_qty) / (bid_qty + ask_qty)
            """,
        ],
    ),
    spec(
        "book_imbalance",
        "easy",
        '''
        def book_imbalance(
            bids: list[tuple[float, float]], asks: list[tuple[float, float]], depth: int
        ) -> float:
            """Order-book imbalance over the top ``depth`` levels of each side:
            ``(bid_qty - ask_qty) / (bid_qty + ask_qty)`` using quantities (not notionals).
            Return 0.0 if both sides are empty.

            >>> book_imbalance([(99.0, 3.0), (98.0, 1.0)], [(101.0, 1.0), (102.0, 4.0)], 1)
            0.5
            """
        ''',
        """
        b = sum(q for _, q in bids[:depth])
        a = sum(q for _, q in asks[:depth])
        return 0.0 if a + b == 0 else (b - a) / (b + a)
        """,
        """
        def check(candidate):
            bids = [(99.0, 3.0), (98.0, 1.0)]
            asks = [(101.0, 1.0), (102.0, 4.0)]
            assert _close(candidate(bids, asks, 1), 0.5)
            assert _close(candidate(bids, asks, 2), -1.0 / 9.0)
            assert _close(candidate([], [], 3), 0.0, abs_tol=1e-12)
        """,
        [
            """
            b = sum(q for _, q in bids[: depth + 1])
            a = sum(q for _, q in asks[: depth + 1])
            return 0.0 if a + b == 0 else (b - a) / (b + a)
            """,
            """
            b = sum(p * q for p, q in bids[:depth])
            a = sum(p * q for p, q in asks[:depth])
            return 0.0 if a + b == 0 else (b - a) / (b + a)
            """,
        ],
    ),
    spec(
        "depth_within_bps",
        "medium",
        '''
        def depth_within_bps(levels: list[tuple[float, float]], mid: float, bps: float) -> float:
            """Quote notional (``sum(price * qty)``) resting within ``bps`` basis points of
            ``mid`` on one side of the book; a level at exactly the boundary counts.

            A level is inside when ``abs(price - mid) / mid * 10_000 <= bps`` (with a ``1e-9``
            tolerance for float noise). Works for either side.

            >>> depth_within_bps([(101.0, 2.0), (102.0, 1.0), (103.0, 9.0)], 100.0, 200)
            304.0
            """
        ''',
        """
        total = 0.0
        for price, qty in levels:
            if abs(price - mid) / mid * 10_000.0 <= bps + 1e-9:
                total += price * qty
        return total
        """,
        """
        def check(candidate):
            asks = [(101.0, 2.0), (102.0, 1.0), (103.0, 9.0)]
            assert _close(candidate(asks, 100.0, 200), 304.0)
            assert _close(candidate(asks, 100.0, 150), 202.0)
            bids = [(99.9, 1.0), (99.0, 2.0)]
            assert _close(candidate(bids, 100.0, 10), 99.9)
        """,
        [
            """
            total = 0.0
            for price, qty in levels:
                if abs(price - mid) / mid * 10_000.0 < bps:
                    total += price * qty
            return total
            """,
            """
            total = 0.0
            for price, qty in levels:
                if abs(price - mid) / mid * 10_000.0 <= bps + 1e-9:
                    total += qty
            return total
            """,
        ],
    ),
    spec(
        "apply_l2_updates",
        "medium",
        '''
        def apply_l2_updates(
            side: str, book: dict[float, float], updates: list[tuple[float, float]]
        ) -> list[tuple[float, float]]:
            """Apply L2 snapshot-delta updates to one side of a book and return its levels.

            ``book`` maps price to quantity; each update ``(price, qty)`` *replaces* the
            quantity at that price, and ``qty == 0`` deletes the level. Return the levels best
            first: ``"bid"`` sorted by price descending, ``"ask"`` ascending. Do not mutate
            ``book``.

            >>> apply_l2_updates("bid", {100.0: 1.0, 99.0: 2.0}, [(100.0, 0.0), (98.5, 3.0)])
            [(99.0, 2.0), (98.5, 3.0)]
            """
        ''',
        """
        levels = dict(book)
        for price, qty in updates:
            if qty == 0:
                levels.pop(price, None)
            else:
                levels[price] = qty
        return sorted(levels.items(), key=lambda kv: kv[0], reverse=(side == "bid"))
        """,
        """
        def check(candidate):
            book = {100.0: 1.0, 99.0: 2.0}
            got = candidate("bid", book, [(100.0, 0.0), (98.5, 3.0)])
            assert _close(got, [(99.0, 2.0), (98.5, 3.0)])
            assert _close(book, {100.0: 1.0, 99.0: 2.0})
            got = candidate("ask", {101.0: 1.0}, [(101.0, 4.0), (100.5, 1.0), (102.0, 0.0)])
            assert _close(got, [(100.5, 1.0), (101.0, 4.0)])
        """,
        [
            """
            levels = dict(book)
            for price, qty in updates:
                levels[price] = qty
            return sorted(levels.items(), key=lambda kv: kv[0], reverse=(side == "bid"))
            """,
            """
            levels = dict(book)
            for price, qty in updates:
                if qty == 0:
                    levels.pop(price, None)
                else:
                    levels[price] = levels.get(price, 0.0) + qty
            return sorted(levels.items(), key=lambda kv: kv[0], reverse=(side == "bid"))
            """,
            """
            for price, qty in updates:
                if qty == 0:
                    book.pop(price, None)
                else:
                    book[price] = qty
            return sorted(book.items(), key=lambda kv: kv[0], reverse=(side == "bid"))
            """,
        ],
    ),
    spec(
        "market_order_slippage_bps",
        "medium",
        '''
        def market_order_slippage_bps(
            levels: list[tuple[float, float]], qty: float, side: str
        ) -> float:
            """Slippage, in bps of the best price, of a market order walking ``levels``.

            ``levels`` is the opposite side (asks for a ``"buy"``, bids for a ``"sell"``), best
            first. With ``avg`` the volume-weighted fill price and ``best = levels[0][0]``:
            buy ``(avg - best) / best * 10_000``, sell ``(best - avg) / best * 10_000`` (both
            non-negative). Raise ``ValueError`` on insufficient depth.

            >>> round(market_order_slippage_bps([(100.0, 1.0), (102.0, 1.0)], 2.0, "buy"), 6)
            100.0
            """
        ''',
        """
        remaining = qty
        cost = 0.0
        for price, size in levels:
            take = min(size, remaining)
            cost += take * price
            remaining -= take
            if remaining <= 1e-12:
                break
        else:
            raise ValueError("insufficient depth")
        avg = cost / qty
        best = levels[0][0]
        if side == "buy":
            return (avg - best) / best * 10_000.0
        return (best - avg) / best * 10_000.0
        """,
        """
        def check(candidate):
            assert _close(candidate([(100.0, 1.0), (102.0, 1.0)], 2.0, "buy"), 100.0)
            assert _close(candidate([(100.0, 1.0), (98.0, 1.0)], 2.0, "sell"), 100.0)
            assert _close(candidate([(100.0, 5.0)], 2.0, "sell"), 0.0, abs_tol=1e-9)
            assert _raises(candidate, ValueError, [(100.0, 1.0)], 2.0, "buy")
        """,
        [
            """
            remaining = qty
            cost = 0.0
            for price, size in levels:
                take = min(size, remaining)
                cost += take * price
                remaining -= take
                if remaining <= 1e-12:
                    break
            else:
                raise ValueError("insufficient depth")
            avg = cost / qty
            best = levels[0][0]
            return (avg - best) / best * 10_000.0
            """,
            """
            remaining = qty
            cost = 0.0
            for price, size in levels:
                take = min(size, remaining)
                cost += take * price
                remaining -= take
                if remaining <= 1e-12:
                    break
            else:
                raise ValueError("insufficient depth")
            avg = cost / qty
            best = levels[0][0]
            return abs(avg - best) / avg * 10_000.0
            """,
        ],
    ),
    spec(
        "is_crossed",
        "easy",
        '''
        def is_crossed(bids: list[tuple[float, float]], asks: list[tuple[float, float]]) -> bool:
            """True when the book is crossed *or locked* (best bid >= best ask), a sign of a
            stale or mis-merged feed. An empty side is never crossed.

            >>> is_crossed([(100.0, 1.0)], [(100.0, 2.0)])
            True
            """
        ''',
        """
        if not bids or not asks:
            return False
        return bids[0][0] >= asks[0][0]
        """,
        """
        def check(candidate):
            assert candidate([(100.0, 1.0)], [(100.0, 2.0)]) is True
            assert candidate([(100.5, 1.0)], [(100.0, 2.0)]) is True
            assert candidate([(99.0, 1.0), (98.0, 1.0)], [(100.0, 2.0)]) is False
            assert candidate([], [(1.0, 1.0)]) is False
            assert candidate([(101.0, 1.0), (99.0, 1.0)], [(100.0, 1.0), (102.0, 1.0)]) is True
        """,
        [
            """
            if not bids or not asks:
                return False
            return bids[0][0] > asks[0][0]
            """,
            """
            if not bids or not asks:
                return False
            return bids[-1][0] >= asks[-1][0]
            """,
        ],
    ),
    spec(
        "aggregate_levels",
        "medium",
        '''
        import math


        def aggregate_levels(
            levels: list[tuple[float, float]], bucket: float, side: str
        ) -> list[tuple[float, float]]:
            """Group book levels into coarser price buckets (as exchange UIs do).

            Bids round *down* to a multiple of ``bucket`` and asks round *up*, so a bucket never
            shows a better price than really exists. Use ``math.floor(p / bucket + 1e-9)`` /
            ``math.ceil(p / bucket - 1e-9)`` and ``round(n * bucket, 12)``. Sum quantities per
            bucket and return ``(price, qty)`` best first (bids descending, asks ascending).

            >>> aggregate_levels([(100.07, 1.0), (100.02, 2.0), (99.96, 3.0)], 0.1, "bid")
            [(100.0, 3.0), (99.9, 3.0)]
            """
        ''',
        """
        buckets = {}
        for price, qty in levels:
            if side == "bid":
                n = math.floor(price / bucket + 1e-9)
            elif side == "ask":
                n = math.ceil(price / bucket - 1e-9)
            else:
                raise ValueError(f"unknown side {side!r}")
            key = round(n * bucket, 12)
            buckets[key] = buckets.get(key, 0.0) + qty
        return sorted(buckets.items(), reverse=(side == "bid"))
        """,
        """
        def check(candidate):
            bids = [(100.07, 1.0), (100.02, 2.0), (99.96, 3.0)]
            assert _close(candidate(bids, 0.1, "bid"), [(100.0, 3.0), (99.9, 3.0)])
            asks = [(100.11, 1.0), (100.14, 2.0), (100.25, 1.0)]
            assert _close(candidate(asks, 0.1, "ask"), [(100.2, 3.0), (100.3, 1.0)])
            assert _close(candidate([(0.3, 1.0)], 0.1, "bid"), [(0.3, 1.0)])
        """,
        [
            """
            buckets = {}
            for price, qty in levels:
                key = round(round(price / bucket) * bucket, 12)
                buckets[key] = buckets.get(key, 0.0) + qty
            return sorted(buckets.items(), reverse=(side == "bid"))
            """,
            """
            buckets = {}
            for price, qty in levels:
                key = round(math.floor(price / bucket + 1e-9) * bucket, 12)
                buckets[key] = buckets.get(key, 0.0) + qty
            return sorted(buckets.items(), reverse=(side == "bid"))
            """,
        ],
    ),
    spec(
        "effective_spread_bps",
        "easy",
        '''
        def effective_spread_bps(trade_price: float, mid: float, side: str) -> float:
            """Effective spread of a taker trade in bps: ``2 * d * (price - mid) / mid * 10_000``
            with ``d = +1`` for a buy and ``-1`` for a sell (negative = price improvement).

            >>> round(effective_spread_bps(100.05, 100.0, "buy"), 6)
            10.0
            """
        ''',
        """
        d = 1.0 if side == "buy" else -1.0 if side == "sell" else None
        if d is None:
            raise ValueError(f"unknown side {side!r}")
        return 2.0 * d * (trade_price - mid) / mid * 10_000.0
        """,
        """
        def check(candidate):
            assert _close(candidate(100.05, 100.0, "buy"), 10.0)
            assert _close(candidate(99.9, 100.0, "sell"), 20.0)
            assert _close(candidate(100.1, 100.0, "sell"), -20.0)
        """,
        [
            """
            d = 1.0 if side == "buy" else -1.0
            return d * (trade_price - mid) / mid * 10_000.0
            """,
            """
            return 2.0 * abs(trade_price - mid) / mid * 10_000.0
            """,
        ],
    ),
    spec(
        "sync_diff_stream",
        "hard",
        '''
        def sync_diff_stream(snapshot_id: int, events: list[tuple[int, int]]) -> list[int]:
            """Which depth-diff events to apply on top of a REST snapshot (Binance procedure).

            Each event is ``(first_update_id, final_update_id)``, in arrival order. Drop events
            with ``final_update_id <= snapshot_id``. The first remaining event must straddle the
            snapshot: ``first_update_id <= snapshot_id + 1 <= final_update_id``. Every later
            event must start exactly at the previous event's ``final_update_id + 1``. Return the
            indices (into ``events``) to apply; raise ``ValueError`` on any violation (the local
            book is out of sync and must be rebuilt).

            >>> sync_diff_stream(100, [(90, 95), (96, 100), (99, 103), (104, 110)])
            [2, 3]
            """
        ''',
        """
        out = []
        prev_final = None
        for i, (first, final) in enumerate(events):
            if final <= snapshot_id:
                continue
            if prev_final is None:
                if not first <= snapshot_id + 1 <= final:
                    raise ValueError("first event does not cover the snapshot")
            elif first != prev_final + 1:
                raise ValueError("gap in update ids")
            out.append(i)
            prev_final = final
        return out
        """,
        """
        def check(candidate):
            events = [(90, 95), (96, 100), (99, 103), (104, 110), (111, 111)]
            assert candidate(100, events) == [2, 3, 4]
            assert candidate(100, [(90, 95)]) == []
            assert candidate(100, [(101, 101)]) == [0]
            assert _raises(candidate, ValueError, 100, [(99, 103), (105, 110)])
            assert _raises(candidate, ValueError, 100, [(102, 105)])
        """,
        [
            """
            return [i for i, (first, final) in enumerate(events) if final > snapshot_id]
            """,
            """
            out = []
            prev_final = None
            for i, (first, final) in enumerate(events):
                if final <= snapshot_id:
                    continue
                if prev_final is None:
                    if first != snapshot_id + 1:
                        raise ValueError("first event does not cover the snapshot")
                elif first != prev_final + 1:
                    raise ValueError("gap in update ids")
                out.append(i)
                prev_final = final
            return out
            """,
        ],
    ),
    spec(
        "cumulative_depth",
        "easy",
        '''
        def cumulative_depth(levels: list[tuple[float, float]]) -> list[tuple[float, float]]:
            """Depth chart points: for each level (best first) the price and the total quantity
            available up to and *including* that level.

            >>> cumulative_depth([(100.0, 1.0), (101.0, 2.0), (102.0, 3.0)])
            [(100.0, 1.0), (101.0, 3.0), (102.0, 6.0)]
            """
        ''',
        """
        out = []
        total = 0.0
        for price, qty in levels:
            total += qty
            out.append((price, total))
        return out
        """,
        """
        def check(candidate):
            got = candidate([(100.0, 1.0), (101.0, 2.0), (102.0, 3.0)])
            assert _close(got, [(100.0, 1.0), (101.0, 3.0), (102.0, 6.0)])
            assert _close(candidate([]), [])
        """,
        [
            """
            out = []
            total = 0.0
            for price, qty in levels:
                out.append((price, total))
                total += qty
            return out
            """,
            """
            out = []
            total = 0.0
            for price, qty in levels:
                total += price * qty
                out.append((price, total))
            return out
            """,
        ],
    ),
    spec(
        "sqrt_impact_bps",
        "easy",
        '''
        import math


        def sqrt_impact_bps(
            order_qty: float, adv: float, daily_vol: float, k: float = 1.0
        ) -> float:
            """Expected market impact (square-root law) in basis points:
            ``k * daily_vol * sqrt(order_qty / adv) * 10_000`` where ``adv`` is the average daily
            volume in the same units as ``order_qty``.

            >>> round(sqrt_impact_bps(1e6, 1e8, 0.04), 6)
            40.0
            """
        ''',
        """
        return k * daily_vol * math.sqrt(order_qty / adv) * 10_000.0
        """,
        """
        def check(candidate):
            assert _close(candidate(1e6, 1e8, 0.04), 40.0)
            assert _close(candidate(4e6, 1e8, 0.04, 0.5), 40.0)
        """,
        [
            """
            return k * daily_vol * (order_qty / adv) * 10_000.0
            """,
            """
            return k * daily_vol * math.sqrt(order_qty / adv) * 100.0
            """,
        ],
    ),
]
