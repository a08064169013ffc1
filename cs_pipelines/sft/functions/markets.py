"""Market mechanics practice: order types and costs, book liquidity, pairs, rebalancing."""

from cs_pipelines.cryptoeval.task import spec
from cs_pipelines.sft.functions import FunctionFamily

ORDER_PLACEMENT = FunctionFamily(
    "order_price_placement",
    "order_types",
    [
        spec(
            "passive_limit_price",
            "easy",
            '''
            def passive_limit_price(
                best_bid: float, best_ask: float, side: str, offset_bps: float
            ) -> float:
                """Price for a passive limit order placed ``offset_bps`` away from the mid.

                The reference is ``mid = (best_bid + best_ask) / 2``. A ``"buy"`` goes below it,
                ``mid * (1 - offset_bps / 1e4)``, a ``"sell"`` above it,
                ``mid * (1 + offset_bps / 1e4)``. The order must stay on its own side of the
                book, so a buy is capped at ``best_bid`` and a sell is floored at ``best_ask``
                (a small offset therefore just joins the touch).

                Raise ``ValueError`` for a negative offset or a side other than buy/sell.

                >>> passive_limit_price(99.0, 101.0, "buy", 200)
                98.0
                """
            ''',
            """
            if offset_bps < 0:
                raise ValueError("offset_bps must be >= 0")
            centre = 0.5 * (best_bid + best_ask)
            shift = centre * offset_bps / 10_000.0
            if side == "buy":
                return min(best_bid, centre - shift)
            if side == "sell":
                return max(best_ask, centre + shift)
            raise ValueError(f"side must be 'buy' or 'sell', not {side!r}")
            """,
            """
            def check(candidate):
                assert _close(candidate(99.0, 101.0, "buy", 200), 98.0)
                assert _close(candidate(99.0, 101.0, "buy", 50), 99.0)
                assert _close(candidate(99.0, 101.0, "sell", 300), 103.0)
                assert _close(candidate(99.0, 101.0, "sell", 50), 101.0)
                assert _raises(candidate, ValueError, 99.0, 101.0, "buy", -1)
                assert _raises(candidate, ValueError, 99.0, 101.0, "hold", 10)
            """,
            [
                """
                if offset_bps < 0:
                    raise ValueError("offset_bps must be >= 0")
                centre = 0.5 * (best_bid + best_ask)
                shift = centre * offset_bps / 10_000.0
                if side == "buy":
                    return centre - shift
                if side == "sell":
                    return centre + shift
                raise ValueError(side)
                """,
                """
                if offset_bps < 0:
                    raise ValueError("offset_bps must be >= 0")
                centre = 0.5 * (best_bid + best_ask)
                shift = centre * offset_bps / 10_000.0
                if side == "buy":
                    return max(best_bid, centre - shift)
                if side == "sell":
                    return min(best_ask, centre + shift)
                raise ValueError(side)
                """,
                """
                if offset_bps < 0:
                    raise ValueError("offset_bps must be >= 0")
                centre = 0.5 * (best_bid + best_ask)
                shift = centre * offset_bps / 100.0
                if side == "buy":
                    return min(best_bid, centre - shift)
                if side == "sell":
                    return max(best_ask, centre + shift)
                raise ValueError(side)
                """,
            ],
        ),
        spec(
            "post_only_price",
            "medium",
            '''
            def post_only_price(
                side: str, price: float, best_bid: float, best_ask: float, tick: float
            ) -> float:
                """Reprice a post-only order so that it rests in the book instead of taking.

                A buy priced at or above ``best_ask`` would execute on arrival; it is moved to
                ``best_ask - tick``. A sell priced at or below ``best_bid`` is moved to
                ``best_bid + tick``. Any other price is returned unchanged. The result is
                passed through ``round(x, 10)`` to clear float noise.

                Raise ``ValueError`` if ``tick <= 0`` or the side is not buy/sell.

                >>> post_only_price("buy", 101.0, 100.0, 100.5, 0.1)
                100.4
                """
            ''',
            """
            if tick <= 0:
                raise ValueError("tick must be positive")
            if side == "buy":
                out = best_ask - tick if price >= best_ask else price
            elif side == "sell":
                out = best_bid + tick if price <= best_bid else price
            else:
                raise ValueError(f"bad side {side!r}")
            return round(out, 10)
            """,
            """
            def check(candidate):
                assert _close(candidate("buy", 101.0, 100.0, 100.5, 0.1), 100.4)
                assert _close(candidate("buy", 100.5, 100.0, 100.5, 0.1), 100.4)
                assert _close(candidate("buy", 100.2, 100.0, 100.5, 0.1), 100.2)
                assert _close(candidate("sell", 100.0, 100.0, 100.5, 0.1), 100.1)
                assert _close(candidate("sell", 100.3, 100.0, 100.5, 0.1), 100.3)
                assert _raises(candidate, ValueError, "buy", 100.0, 99.0, 101.0, 0.0)
            """,
            [
                """
                if tick <= 0:
                    raise ValueError("tick must be positive")
                if side == "buy":
                    out = best_ask - tick if price > best_ask else price
                elif side == "sell":
                    out = best_bid + tick if price < best_bid else price
                else:
                    raise ValueError(f"bad side {side!r}")
                return round(out, 10)
                """,
                """
                if tick <= 0:
                    raise ValueError("tick must be positive")
                if side == "buy":
                    out = best_bid if price >= best_ask else price
                elif side == "sell":
                    out = best_ask if price <= best_bid else price
                else:
                    raise ValueError(f"bad side {side!r}")
                return round(out, 10)
                """,
            ],
        ),
        spec(
            "min_qty_for_notional",
            "easy",
            '''
            import math


            def min_qty_for_notional(price: float, min_notional: float, step: float) -> float:
                """Smallest order size on the ``step`` grid whose notional reaches the minimum.

                Find the least whole number of steps ``k`` with ``k * step * price >=
                min_notional``, computed as ``math.ceil(min_notional / (price * step) - 1e-9)``
                so that an exact multiple is not pushed up by float error, and return
                ``round(k * step, 10)``.

                Raise ``ValueError`` if ``price`` or ``step`` is not positive.

                >>> min_qty_for_notional(2_000.0, 5.0, 0.001)
                0.003
                """
            ''',
            """
            if price <= 0 or step <= 0:
                raise ValueError("price and step must be positive")
            steps_needed = math.ceil(min_notional / (price * step) - 1e-9)
            return round(steps_needed * step, 10)
            """,
            """
            def check(candidate):
                assert _close(candidate(2_000.0, 5.0, 0.001), 0.003)
                assert _close(candidate(30_000.0, 10.0, 0.0001), 0.0004)
                assert _close(candidate(100.0, 10.0, 0.1), 0.1)
                assert _raises(candidate, ValueError, 0.0, 10.0, 0.1)
            """,
            [
                """
                if price <= 0 or step <= 0:
                    raise ValueError("price and step must be positive")
                steps_needed = math.floor(min_notional / (price * step) + 1e-9)
                return round(steps_needed * step, 10)
                """,
                """
                if price <= 0 or step <= 0:
                    raise ValueError("price and step must be positive")
                steps_needed = round(min_notional / (price * step))
                return round(steps_needed * step, 10)
                """,
            ],
        ),
    ],
)

BAR_TRIGGERS = FunctionFamily(
    "bar_trigger_fills",
    "order_types",
    [
        spec(
            "stop_triggered",
            "easy",
            '''
            def stop_triggered(side: str, stop_price: float, high: float, low: float) -> bool:
                """Whether a stop order is activated by a bar with the given ``high`` and ``low``.

                A buy stop sits above the market and activates once the bar's high reaches it
                (``high >= stop_price``); a sell stop sits below and activates once the low
                reaches it (``low <= stop_price``). Touching the level counts.

                Raise ``ValueError`` for a side other than ``"buy"``/``"sell"``.

                >>> stop_triggered("buy", 105.0, 106.0, 100.0)
                True
                """
            ''',
            """
            if side == "buy":
                return high >= stop_price
            if side == "sell":
                return low <= stop_price
            raise ValueError(f"unknown side {side!r}")
            """,
            """
            def check(candidate):
                assert candidate("buy", 105.0, 106.0, 100.0) is True
                assert candidate("buy", 105.0, 104.9, 100.0) is False
                assert candidate("buy", 105.0, 105.0, 100.0) is True
                assert candidate("sell", 95.0, 110.0, 95.0) is True
                assert candidate("sell", 95.0, 110.0, 96.0) is False
                assert _raises(candidate, ValueError, "long", 95.0, 110.0, 96.0)
            """,
            [
                """
                if side == "buy":
                    return high > stop_price
                if side == "sell":
                    return low < stop_price
                raise ValueError(f"unknown side {side!r}")
                """,
                """
                if side == "buy":
                    return low <= stop_price
                if side == "sell":
                    return high >= stop_price
                raise ValueError(f"unknown side {side!r}")
                """,
            ],
        ),
        spec(
            "stop_market_fill",
            "medium",
            '''
            def stop_market_fill(
                side: str,
                stop_price: float,
                open_: float,
                high: float,
                low: float,
                slippage_bps: float = 0.0,
            ) -> float | None:
                """Fill price of a stop-market order on one OHLC bar, or ``None`` if untouched.

                A buy stop activates when ``high >= stop_price``, a sell stop when
                ``low <= stop_price``. If the bar opens beyond the stop (buy: ``open_ >=
                stop_price``; sell: ``open_ <= stop_price``) the order executes at the open,
                otherwise at the stop price. Slippage then worsens that price by
                ``slippage_bps`` basis points: up for a buy, down for a sell.

                >>> stop_market_fill("buy", 105.0, 108.0, 110.0, 107.0)
                108.0
                """
            ''',
            """
            slip = slippage_bps / 10_000.0
            if side == "buy":
                if high < stop_price:
                    return None
                return max(open_, stop_price) * (1.0 + slip)
            if side == "sell":
                if low > stop_price:
                    return None
                return min(open_, stop_price) * (1.0 - slip)
            raise ValueError(f"unknown side {side!r}")
            """,
            """
            def check(candidate):
                assert _close(candidate("buy", 105.0, 103.0, 107.0, 102.0), 105.0)
                assert _close(candidate("buy", 105.0, 108.0, 110.0, 107.0), 108.0)
                assert candidate("buy", 105.0, 103.0, 104.0, 101.0) is None
                assert _close(candidate("sell", 95.0, 97.0, 99.0, 94.0, 10.0), 94.905)
                assert _close(candidate("sell", 95.0, 93.0, 94.0, 90.0), 93.0)
                assert candidate("sell", 95.0, 97.0, 99.0, 95.5) is None
            """,
            [
                """
                slip = slippage_bps / 10_000.0
                if side == "buy":
                    if high < stop_price:
                        return None
                    return stop_price * (1.0 + slip)
                if side == "sell":
                    if low > stop_price:
                        return None
                    return stop_price * (1.0 - slip)
                raise ValueError(f"unknown side {side!r}")
                """,
                """
                slip = slippage_bps / 10_000.0
                if side == "buy":
                    if high < stop_price:
                        return None
                    return max(open_, stop_price) * (1.0 + slip)
                if side == "sell":
                    if low > stop_price:
                        return None
                    return min(open_, stop_price) * (1.0 + slip)
                raise ValueError(f"unknown side {side!r}")
                """,
            ],
        ),
        spec(
            "stop_limit_bar_result",
            "hard",
            '''
            def stop_limit_bar_result(
                side: str, stop: float, limit: float, open_: float, high: float, low: float
            ) -> tuple[str, float | None]:
                """Outcome of a stop-limit order over one OHLC bar.

                Buy (requires ``limit >= stop``): nothing happens while ``high < stop`` ->
                ``("pending", None)``. Otherwise the stop fires at ``trigger = max(open_,
                stop)`` (the open if the bar gapped over the stop). If ``trigger <= limit`` the
                limit order executes at once at ``trigger``. If the bar gapped above the limit,
                the order rests at ``limit`` and executes there when the bar's low (which comes
                after the open) reaches it, ``low <= limit``; else ``("resting", None)``.
                Sell mirrors it (requires ``limit <= stop``): pending while ``low > stop``,
                ``trigger = min(open_, stop)``, immediate at ``trigger`` if ``trigger >= limit``,
                else at ``limit`` when ``high >= limit``, else resting.

                Return ``("filled", price)`` for an execution. Raise ``ValueError`` for an
                unknown side or a limit on the wrong side of the stop.

                >>> stop_limit_bar_result("buy", 100.0, 101.0, 103.0, 104.0, 100.5)
                ('filled', 101.0)
                """
            ''',
            """
            if side == "buy":
                if limit < stop:
                    raise ValueError("a buy stop-limit needs limit >= stop")
                if high < stop:
                    return "pending", None
                trigger = max(open_, stop)
                if trigger <= limit:
                    return "filled", trigger
                if low <= limit:
                    return "filled", limit
                return "resting", None
            if side == "sell":
                if limit > stop:
                    raise ValueError("a sell stop-limit needs limit <= stop")
                if low > stop:
                    return "pending", None
                trigger = min(open_, stop)
                if trigger >= limit:
                    return "filled", trigger
                if high >= limit:
                    return "filled", limit
                return "resting", None
            raise ValueError(f"unknown side {side!r}")
            """,
            """
            def check(candidate):
                assert _close(candidate("buy", 100.0, 101.0, 98.0, 102.0, 97.0), ("filled", 100.0))
                got = candidate("buy", 100.0, 101.0, 103.0, 104.0, 100.5)
                assert _close(got, ("filled", 101.0))
                got = candidate("buy", 100.0, 101.0, 103.0, 105.0, 102.0)
                assert _close(got, ("resting", None))
                assert _close(candidate("buy", 100.0, 101.0, 95.0, 99.0, 94.0), ("pending", None))
                assert _close(candidate("sell", 50.0, 49.0, 51.0, 52.0, 49.5), ("filled", 50.0))
                assert _close(candidate("sell", 50.0, 49.0, 49.5, 49.8, 49.0), ("filled", 49.5))
                assert _close(candidate("sell", 50.0, 49.0, 48.5, 48.8, 47.0), ("resting", None))
                assert _raises(candidate, ValueError, "buy", 100.0, 99.0, 98.0, 102.0, 97.0)
            """,
            [
                """
                if side == "buy":
                    if limit < stop:
                        raise ValueError("a buy stop-limit needs limit >= stop")
                    if high < stop:
                        return "pending", None
                    return "filled", stop
                if side == "sell":
                    if limit > stop:
                        raise ValueError("a sell stop-limit needs limit <= stop")
                    if low > stop:
                        return "pending", None
                    return "filled", stop
                raise ValueError(f"unknown side {side!r}")
                """,
                """
                if side == "buy":
                    if limit < stop:
                        raise ValueError("a buy stop-limit needs limit >= stop")
                    if high < stop:
                        return "pending", None
                    trigger = max(open_, stop)
                    return "filled", min(trigger, limit)
                if side == "sell":
                    if limit > stop:
                        raise ValueError("a sell stop-limit needs limit <= stop")
                    if low > stop:
                        return "pending", None
                    trigger = min(open_, stop)
                    return "filled", max(trigger, limit)
                raise ValueError(f"unknown side {side!r}")
                """,
                """
                if side == "buy":
                    if limit < stop:
                        raise ValueError("a buy stop-limit needs limit >= stop")
                    if high < stop:
                        return "pending", None
                    if low <= limit:
                        return "filled", limit
                    return "resting", None
                if side == "sell":
                    if limit > stop:
                        raise ValueError("a sell stop-limit needs limit <= stop")
                    if low > stop:
                        return "pending", None
                    if high >= limit:
                        return "filled", limit
                    return "resting", None
                raise ValueError(f"unknown side {side!r}")
                """,
            ],
        ),
    ],
)

RESTING_ORDERS = FunctionFamily(
    "resting_order_queue",
    "order_types",
    [
        spec(
            "iceberg_child_sizes",
            "easy",
            '''
            import math


            def iceberg_child_sizes(total_qty: float, display_qty: float) -> list[float]:
                """Sizes of the successive visible slices of an iceberg order.

                Every slice shows ``display_qty`` except possibly the last, which carries what
                is left over. Count the full slices as ``math.floor(total_qty / display_qty +
                1e-9)``; the leftover is ``round(total_qty - full * display_qty, 10)`` and is
                appended only when it is positive. A zero total gives ``[]``.

                Raise ``ValueError`` if ``display_qty <= 0`` or ``total_qty < 0``.

                >>> iceberg_child_sizes(10.0, 3.0)
                [3.0, 3.0, 3.0, 1.0]
                """
            ''',
            """
            if display_qty <= 0 or total_qty < 0:
                raise ValueError("need display_qty > 0 and total_qty >= 0")
            full = math.floor(total_qty / display_qty + 1e-9)
            sizes = [display_qty] * full
            tail = round(total_qty - full * display_qty, 10)
            if tail > 0:
                sizes.append(tail)
            return sizes
            """,
            """
            def check(candidate):
                assert _close(candidate(10.0, 3.0), [3.0, 3.0, 3.0, 1.0])
                assert _close(candidate(9.0, 3.0), [3.0, 3.0, 3.0])
                assert _close(candidate(1.0, 0.3), [0.3, 0.3, 0.3, 0.1])
                assert candidate(0.0, 5.0) == []
                assert _raises(candidate, ValueError, 5.0, 0.0)
            """,
            [
                """
                if display_qty <= 0 or total_qty < 0:
                    raise ValueError("need display_qty > 0 and total_qty >= 0")
                return [display_qty] * math.ceil(total_qty / display_qty - 1e-9)
                """,
                """
                if display_qty <= 0 or total_qty < 0:
                    raise ValueError("need display_qty > 0 and total_qty >= 0")
                full = math.floor(total_qty / display_qty + 1e-9)
                tail = round(total_qty - full * display_qty, 10)
                return [display_qty] * full + [tail]
                """,
                """
                if display_qty <= 0 or total_qty < 0:
                    raise ValueError("need display_qty > 0 and total_qty >= 0")
                full = math.floor(total_qty / display_qty + 1e-9)
                tail = round(total_qty - full * display_qty, 10)
                return ([tail] if tail > 0 else []) + [display_qty] * full
                """,
            ],
        ),
        spec(
            "queue_fill_progress",
            "hard",
            '''
            def queue_fill_progress(
                ahead: float, my_qty: float, events: list[tuple[str, float]]
            ) -> tuple[float, float]:
                """Track a resting limit order's place in its price level's FIFO queue.

                ``ahead`` is the quantity queued in front of the order when it joined. Events
                are processed in order:

                - ``("trade", q)``: ``q`` executes at our price; it consumes the quantity
                  ahead first and only the excess fills our order;
                - ``("cancel_ahead", q)``: orders in front of ours cancel ``q`` (the quantity
                  ahead cannot go below zero);
                - ``("cancel_behind", q)``: cancels behind us, which change nothing.

                The filled amount never exceeds ``my_qty``. Return ``(ahead_left, filled)``.
                Raise ``ValueError`` for an unknown event kind or a negative quantity.

                >>> events = [("trade", 3.0), ("cancel_ahead", 5.0), ("trade", 4.0)]
                >>> queue_fill_progress(10.0, 4.0, events)
                (0.0, 2.0)
                """
            ''',
            """
            front = float(ahead)
            done = 0.0
            for kind, q in events:
                if q < 0:
                    raise ValueError("event quantities must be non-negative")
                if kind == "trade":
                    eaten = min(front, q)
                    front -= eaten
                    done = min(my_qty, done + (q - eaten))
                elif kind == "cancel_ahead":
                    front = max(0.0, front - q)
                elif kind != "cancel_behind":
                    raise ValueError(f"unknown event {kind!r}")
            return front, done
            """,
            """
            def check(candidate):
                events = [("trade", 3.0), ("cancel_ahead", 5.0), ("trade", 4.0)]
                assert _close(candidate(10.0, 4.0, events), (0.0, 2.0))
                got = candidate(5.0, 4.0, [("cancel_ahead", 8.0), ("trade", 1.0)])
                assert _close(got, (0.0, 1.0))
                got = candidate(5.0, 2.0, [("cancel_behind", 3.0), ("trade", 4.0)])
                assert _close(got, (1.0, 0.0))
                assert _close(candidate(1.0, 2.0, [("trade", 10.0)]), (0.0, 2.0))
                assert _close(candidate(3.0, 1.0, []), (3.0, 0.0))
                assert _raises(candidate, ValueError, 3.0, 1.0, [("amend", 1.0)])
            """,
            [
                """
                front = float(ahead)
                done = 0.0
                for kind, q in events:
                    if q < 0:
                        raise ValueError("event quantities must be non-negative")
                    if kind == "trade":
                        eaten = min(front, q)
                        front -= eaten
                        done = min(my_qty, done + (q - eaten))
                    elif kind == "cancel_ahead":
                        front -= q
                    elif kind != "cancel_behind":
                        raise ValueError(f"unknown event {kind!r}")
                return front, done
                """,
                """
                front = float(ahead)
                done = 0.0
                for kind, q in events:
                    if q < 0:
                        raise ValueError("event quantities must be non-negative")
                    if kind == "trade":
                        eaten = min(front, q)
                        front -= eaten
                        done = min(my_qty, done + (q - eaten))
                    elif kind in ("cancel_ahead", "cancel_behind"):
                        front = max(0.0, front - q)
                    else:
                        raise ValueError(f"unknown event {kind!r}")
                return front, done
                """,
                """
                front = float(ahead)
                done = 0.0
                for kind, q in events:
                    if q < 0:
                        raise ValueError("event quantities must be non-negative")
                    if kind == "trade":
                        eaten = min(front, q)
                        front -= eaten
                        done += q - eaten
                    elif kind == "cancel_ahead":
                        front = max(0.0, front - q)
                    elif kind != "cancel_behind":
                        raise ValueError(f"unknown event {kind!r}")
                return front, done
                """,
            ],
        ),
    ],
)

TRADING_COSTS = FunctionFamily(
    "trading_costs",
    "order_types",
    [
        spec(
            "buy_net_amounts",
            "easy",
            '''
            def buy_net_amounts(
                qty: float, price: float, fee_rate: float, fee_currency: str
            ) -> tuple[float, float]:
                """What a spot buy of ``qty`` base at ``price`` really delivers and costs.

                Returns ``(base_received, quote_spent)``. When the fee is charged in the base
                coin (``fee_currency == "base"``) it is withheld from the coins received:
                ``(qty * (1 - fee_rate), qty * price)``. When charged in the quote currency
                (``"quote"``) it is added to the spend: ``(qty, qty * price * (1 + fee_rate))``.

                Raise ``ValueError`` for any other ``fee_currency``.

                >>> buy_net_amounts(2.0, 100.0, 0.001, "quote")
                (2.0, 200.2)
                """
            ''',
            """
            gross_quote = qty * price
            if fee_currency == "base":
                return qty * (1.0 - fee_rate), gross_quote
            if fee_currency == "quote":
                return qty, gross_quote * (1.0 + fee_rate)
            raise ValueError(f"fee_currency must be 'base' or 'quote', got {fee_currency!r}")
            """,
            """
            def check(candidate):
                assert _close(candidate(2.0, 100.0, 0.001, "base"), (1.998, 200.0))
                assert _close(candidate(2.0, 100.0, 0.001, "quote"), (2.0, 200.2))
                assert _close(candidate(0.5, 30_000.0, 0.0, "base"), (0.5, 15_000.0))
                assert _raises(candidate, ValueError, 1.0, 1.0, 0.001, "bnb")
            """,
            [
                """
                gross_quote = qty * price
                if fee_currency == "quote":
                    return qty * (1.0 - fee_rate), gross_quote
                if fee_currency == "base":
                    return qty, gross_quote * (1.0 + fee_rate)
                raise ValueError(fee_currency)
                """,
                """
                gross_quote = qty * price
                if fee_currency in ("base", "quote"):
                    return qty * (1.0 - fee_rate), gross_quote * (1.0 + fee_rate)
                raise ValueError(fee_currency)
                """,
            ],
        ),
        spec(
            "net_fee_total",
            "easy",
            '''
            def net_fee_total(
                fills: list[tuple[float, float, bool]], maker_rate: float, taker_rate: float
            ) -> float:
                """Total fee paid over a list of fills, net of maker rebates, in quote currency.

                Each fill is ``(price, qty, is_maker)`` and is charged ``price * qty`` times
                ``maker_rate`` if it provided liquidity or ``taker_rate`` if it took it. A
                negative ``maker_rate`` is a rebate and reduces the total, which can end up
                negative (a net credit). No fills cost nothing.

                >>> fills = [(100.0, 2.0, True), (101.0, 1.0, False)]
                >>> round(net_fee_total(fills, -0.0001, 0.0005), 6)
                0.0305
                """
            ''',
            """
            total = 0.0
            for px, size, provided in fills:
                total += px * size * (maker_rate if provided else taker_rate)
            return total
            """,
            """
            def check(candidate):
                fills = [(100.0, 2.0, True), (101.0, 1.0, False)]
                assert _close(candidate(fills, -0.0001, 0.0005), 0.0305)
                assert _close(candidate([(50.0, 10.0, True)], -0.0002, 0.0005), -0.1)
                both = [(10.0, 1.0, True), (10.0, 1.0, False)]
                assert _close(candidate(both, 0.0002, 0.0004), 0.006)
                assert _close(candidate([], 0.0001, 0.0005), 0.0)
            """,
            [
                """
                total = 0.0
                for px, size, provided in fills:
                    total += px * size * (abs(maker_rate) if provided else taker_rate)
                return total
                """,
                """
                total = 0.0
                for px, size, provided in fills:
                    total += px * (maker_rate if provided else taker_rate)
                return total
                """,
                """
                total = 0.0
                for px, size, provided in fills:
                    total += px * size * (taker_rate if provided else maker_rate)
                return total
                """,
            ],
        ),
        spec(
            "funding_over_holding",
            "medium",
            '''
            import math


            def funding_over_holding(
                notional: float,
                side: str,
                rate_per_interval: float,
                entry_hour: float,
                exit_hour: float,
                interval_hours: float = 8.0,
            ) -> float:
                """Funding a perpetual position pays while held, with a constant rate.

                Hours are counted from the Unix epoch (UTC), and funding settles at every whole
                multiple of ``interval_hours`` (00:00, 08:00, 16:00 for 8h). A settlement at
                ``t`` applies when ``entry_hour < t <= exit_hour``, so the number of
                settlements is ``floor(exit_hour / interval_hours) - floor(entry_hour /
                interval_hours)``. Each one costs a ``"long"`` ``notional * rate_per_interval``
                and credits a ``"short"`` the same amount. Return the total cost (positive =
                paid, negative = received).

                Raise ``ValueError`` if ``exit_hour < entry_hour`` or the side is unknown.

                >>> funding_over_holding(10_000.0, "long", 0.0001, 0.0, 24.0)
                3.0
                """
            ''',
            """
            if exit_hour < entry_hour:
                raise ValueError("exit_hour is before entry_hour")
            if side not in ("long", "short"):
                raise ValueError(f"unknown side {side!r}")
            settlements = math.floor(exit_hour / interval_hours) - math.floor(
                entry_hour / interval_hours
            )
            per_settlement = notional * rate_per_interval
            sign = 1.0 if side == "long" else -1.0
            return sign * settlements * per_settlement
            """,
            """
            def check(candidate):
                assert _close(candidate(10_000.0, "long", 0.0001, 0.0, 24.0), 3.0)
                assert _close(candidate(10_000.0, "short", 0.0001, 1.0, 17.0), -2.0)
                assert _close(candidate(5_000.0, "long", -0.0002, 7.5, 8.0), -1.0)
                assert _close(candidate(10_000.0, "long", 0.0001, 9.0, 15.0), 0.0)
                assert _raises(candidate, ValueError, 10_000.0, "long", 0.0001, 10.0, 2.0)
            """,
            [
                """
                if exit_hour < entry_hour:
                    raise ValueError("exit_hour is before entry_hour")
                if side not in ("long", "short"):
                    raise ValueError(f"unknown side {side!r}")
                settlements = (
                    math.floor(exit_hour / interval_hours)
                    - math.ceil(entry_hour / interval_hours)
                    + 1
                )
                sign = 1.0 if side == "long" else -1.0
                return sign * settlements * notional * rate_per_interval
                """,
                """
                if exit_hour < entry_hour:
                    raise ValueError("exit_hour is before entry_hour")
                if side not in ("long", "short"):
                    raise ValueError(f"unknown side {side!r}")
                settlements = (exit_hour - entry_hour) / interval_hours
                sign = 1.0 if side == "long" else -1.0
                return sign * settlements * notional * rate_per_interval
                """,
                """
                if exit_hour < entry_hour:
                    raise ValueError("exit_hour is before entry_hour")
                if side not in ("long", "short"):
                    raise ValueError(f"unknown side {side!r}")
                settlements = math.floor(exit_hour / interval_hours) - math.floor(
                    entry_hour / interval_hours
                )
                return settlements * notional * rate_per_interval
                """,
            ],
        ),
    ],
)

BOOK_LIQUIDITY = FunctionFamily(
    "book_liquidity",
    "order_types",
    [
        spec(
            "fillable_qty",
            "easy",
            '''
            def fillable_qty(levels: list[tuple[float, float]], side: str, limit: float) -> float:
                """Quantity a marketable limit order could take from one side of the book.

                ``levels`` are ``(price, qty)`` pairs of the opposite side: asks for a
                ``"buy"``, bids for a ``"sell"``. A buy can take every ask priced at or below
                ``limit``; a sell can take every bid priced at or above ``limit``. Return the
                summed quantity (0.0 when nothing qualifies).

                >>> fillable_qty([(100.0, 1.0), (101.0, 2.0), (102.0, 5.0)], "buy", 101.0)
                3.0
                """
            ''',
            """
            if side == "buy":
                return float(sum(q for p, q in levels if p <= limit))
            if side == "sell":
                return float(sum(q for p, q in levels if p >= limit))
            raise ValueError(f"unknown side {side!r}")
            """,
            """
            def check(candidate):
                asks = [(100.0, 1.0), (101.0, 2.0), (102.0, 5.0)]
                bids = [(99.0, 1.0), (98.0, 2.0), (97.0, 4.0)]
                assert _close(candidate(asks, "buy", 101.0), 3.0)
                assert _close(candidate(asks, "buy", 99.9), 0.0)
                assert _close(candidate(bids, "sell", 98.0), 3.0)
                assert _close(candidate(bids, "sell", 96.0), 7.0)
            """,
            [
                """
                if side == "buy":
                    return float(sum(q for p, q in levels if p < limit))
                if side == "sell":
                    return float(sum(q for p, q in levels if p > limit))
                raise ValueError(f"unknown side {side!r}")
                """,
                """
                return float(sum(q for p, q in levels if p <= limit))
                """,
            ],
        ),
        spec(
            "asks_after_market_buy",
            "medium",
            '''
            def asks_after_market_buy(
                asks: list[tuple[float, float]], qty: float
            ) -> list[tuple[float, float]]:
                """The ask side left after a market buy of ``qty`` base units sweeps it.

                ``asks`` are ``(price, size)`` with the cheapest first. Levels are consumed in
                order; a level taken completely disappears, and a level taken in part stays
                with its size reduced (rounded with ``round(x, 10)``). Levels the order never
                reaches are returned as they were. A zero ``qty`` leaves the book unchanged.

                Raise ``ValueError`` if ``qty`` is negative or exceeds the total ask size.

                >>> asks_after_market_buy([(100.0, 1.0), (101.0, 2.0), (102.0, 5.0)], 2.5)
                [(101.0, 0.5), (102.0, 5.0)]
                """
            ''',
            """
            if qty < 0 or qty > sum(size for _, size in asks) + 1e-12:
                raise ValueError("qty must be between 0 and the total ask size")
            left = qty
            book = []
            for px, size in asks:
                if left <= 0:
                    book.append((px, size))
                    continue
                taken = min(size, left)
                left -= taken
                rest = round(size - taken, 10)
                if rest > 0:
                    book.append((px, rest))
            return book
            """,
            """
            def check(candidate):
                asks = [(100.0, 1.0), (101.0, 2.0), (102.0, 5.0)]
                assert _close(candidate(asks, 2.5), [(101.0, 0.5), (102.0, 5.0)])
                assert _close(candidate(asks, 3.0), [(102.0, 5.0)])
                assert _close(candidate(asks, 0.0), asks)
                assert _close(candidate(asks, 8.0), [])
                assert _raises(candidate, ValueError, asks, 9.0)
            """,
            [
                """
                if qty < 0 or qty > sum(size for _, size in asks) + 1e-12:
                    raise ValueError("qty must be between 0 and the total ask size")
                left = qty
                book = []
                for px, size in asks:
                    if left <= 0:
                        book.append((px, size))
                        continue
                    taken = min(size, left)
                    left -= taken
                    if taken < size or left <= 0:
                        book.append((px, round(size - taken, 10)))
                return book
                """,
                """
                left = qty
                book = []
                for px, size in asks:
                    if left <= 0:
                        book.append((px, size))
                        continue
                    taken = min(size, left)
                    left -= taken
                    rest = round(size - taken, 10)
                    if rest > 0:
                        book.append((px, rest))
                return book
                """,
                """
                if qty < 0 or qty > sum(size for _, size in asks) + 1e-12:
                    raise ValueError("qty must be between 0 and the total ask size")
                if not asks:
                    return []
                px, size = asks[0]
                rest = round(size - qty, 10)
                head = [(px, rest)] if rest > 0 else []
                return head + list(asks[1:])
                """,
            ],
        ),
        spec(
            "weighted_mid_top_n",
            "medium",
            '''
            def weighted_mid_top_n(
                bids: list[tuple[float, float]], asks: list[tuple[float, float]], n: int
            ) -> float:
                """Mid price built from the size-weighted average prices of the top ``n`` levels.

                Both sides are ``(price, qty)`` lists, best level first. On each side take the
                first ``n`` levels (all of them if there are fewer) and compute
                ``sum(price * qty) / sum(qty)``; the result is the plain average of the bid
                side's value and the ask side's value.

                Raise ``ValueError`` if ``n < 1`` or either side is empty.

                >>> weighted_mid_top_n([(99.0, 1.0), (98.0, 3.0)], [(101.0, 1.0), (103.0, 1.0)], 2)
                100.125
                """
            ''',
            """
            if n < 1 or not bids or not asks:
                raise ValueError("need n >= 1 and two non-empty sides")

            def side_vwap(levels):
                top = levels[:n]
                size = sum(q for _, q in top)
                return sum(p * q for p, q in top) / size

            return 0.5 * (side_vwap(bids) + side_vwap(asks))
            """,
            """
            def check(candidate):
                bids = [(99.0, 1.0), (98.0, 3.0)]
                asks = [(101.0, 1.0), (103.0, 1.0)]
                assert _close(candidate(bids, asks, 2), 100.125)
                assert _close(candidate(bids, asks, 1), 100.0)
                deep = [(101.0, 2.0), (103.0, 2.0), (110.0, 100.0)]
                assert _close(candidate([(99.0, 1.0)], deep, 3), (99.0 + 11_408.0 / 104.0) / 2)
                assert _raises(candidate, ValueError, bids, asks, 0)
            """,
            [
                """
                if n < 1 or not bids or not asks:
                    raise ValueError("need n >= 1 and two non-empty sides")
                top_b = bids[:n]
                top_a = asks[:n]
                avg_b = sum(p for p, _ in top_b) / len(top_b)
                avg_a = sum(p for p, _ in top_a) / len(top_a)
                return 0.5 * (avg_b + avg_a)
                """,
                """
                if n < 1 or not bids or not asks:
                    raise ValueError("need n >= 1 and two non-empty sides")
                both = bids[:n] + asks[:n]
                return sum(p * q for p, q in both) / sum(q for _, q in both)
                """,
                """
                if n < 1 or not bids or not asks:
                    raise ValueError("need n >= 1 and two non-empty sides")

                def side_vwap(levels):
                    top = levels[: n + 1]
                    size = sum(q for _, q in top)
                    return sum(p * q for p, q in top) / size

                return 0.5 * (side_vwap(bids) + side_vwap(asks))
                """,
            ],
        ),
    ],
)

PAIRS_TRADING = FunctionFamily(
    "pairs_trading",
    "multi_asset_pairs",
    [
        spec(
            "ols_hedge_ratio",
            "medium",
            '''
            def ols_hedge_ratio(y: list[float], x: list[float]) -> tuple[float, float]:
                """Least-squares fit ``y = intercept + slope * x`` for a pair of price series.

                ``slope`` (the hedge ratio: units of ``x`` per unit of ``y``) is
                ``sum((x_i - x_bar) * (y_i - y_bar)) / sum((x_i - x_bar) ** 2)`` and
                ``intercept = y_bar - slope * x_bar``. Return ``(slope, intercept)``.

                Raise ``ValueError`` if the series differ in length, have fewer than two
                points, or ``x`` is constant.

                >>> ols_hedge_ratio([3.0, 5.0, 7.0, 9.0], [1.0, 2.0, 3.0, 4.0])
                (2.0, 1.0)
                """
            ''',
            """
            count = len(y)
            if count != len(x) or count < 2:
                raise ValueError("need two equally long series of at least two points")
            x_bar = sum(x) / count
            y_bar = sum(y) / count
            sxx = sum((xi - x_bar) ** 2 for xi in x)
            if sxx == 0:
                raise ValueError("x is constant")
            sxy = sum((xi - x_bar) * (yi - y_bar) for xi, yi in zip(x, y))
            slope = sxy / sxx
            return slope, y_bar - slope * x_bar
            """,
            """
            def check(candidate):
                assert _close(candidate([3.0, 5.0, 7.0, 9.0], [1.0, 2.0, 3.0, 4.0]), (2.0, 1.0))
                assert _close(candidate([1.0, 2.0, 4.0], [0.0, 1.0, 2.0]), (1.5, 5.0 / 6.0))
                assert _raises(candidate, ValueError, [1.0, 2.0, 3.0], [1.0, 1.0, 1.0])
                assert _raises(candidate, ValueError, [1.0, 2.0], [1.0, 2.0, 3.0])
            """,
            [
                """
                count = len(y)
                if count != len(x) or count < 2:
                    raise ValueError("need two equally long series of at least two points")
                sxx = sum(xi * xi for xi in x)
                if sxx == 0:
                    raise ValueError("x is constant")
                slope = sum(xi * yi for xi, yi in zip(x, y)) / sxx
                return slope, 0.0
                """,
                """
                count = len(y)
                if count != len(x) or count < 2:
                    raise ValueError("need two equally long series of at least two points")
                x_bar = sum(x) / count
                y_bar = sum(y) / count
                syy = sum((yi - y_bar) ** 2 for yi in y)
                if len(set(x)) == 1:
                    raise ValueError("x is constant")
                sxy = sum((xi - x_bar) * (yi - y_bar) for xi, yi in zip(x, y))
                slope = sxy / syy
                return slope, y_bar - slope * x_bar
                """,
            ],
        ),
        spec(
            "spread_half_life",
            "hard",
            '''
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
            ''',
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
            """,
            """
            def check(candidate):
                assert _close(candidate([8.0, 4.0, 2.0, 1.0, 0.5]), 1.0)
                assert _close(candidate([16.0, 12.0, 9.0, 6.75]), math.log(0.5) / math.log(0.75))
                assert _close(candidate([10.0, 6.0, 4.0, 3.0]), 1.0)
                assert candidate([1.0, 2.0, 3.0, 4.0, 5.0]) == math.inf
                assert _raises(candidate, ValueError, [1.0, 2.0])
                assert _raises(candidate, ValueError, [5.0, 5.0, 7.0])
            """,
            [
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
                if b >= 0:
                    return math.inf
                return -math.log(2.0) / b
                """,
                """
                if len(spread) < 3:
                    raise ValueError("need at least three observations")
                lagged = spread[:-1]
                moves = [b - a for a, b in zip(spread[:-1], spread[1:])]
                denom = sum(v * v for v in lagged)
                if len(set(lagged)) == 1:
                    raise ValueError("lagged spread is constant")
                b = sum(v * d for v, d in zip(lagged, moves)) / denom
                phi = 1.0 + b
                if phi >= 1.0:
                    return math.inf
                if phi <= 0.0:
                    return 0.0
                return math.log(0.5) / math.log(phi)
                """,
            ],
        ),
        spec(
            "pair_position_states",
            "medium",
            '''
            def pair_position_states(
                zscores: list[float], entry_z: float, exit_z: float
            ) -> list[int]:
                """Position in the spread after each z-score of a mean-reversion pair rule.

                Start flat (``0``). While flat, a z-score of at least ``entry_z`` opens a short
                spread (``-1``) and one of at most ``-entry_z`` opens a long spread (``+1``).
                A short spread is closed once ``z <= exit_z``; a long spread once
                ``z >= -exit_z``. A position is never reversed on the same observation, and a
                NaN z-score leaves the state unchanged. Return the state after every value.

                Raise ``ValueError`` unless ``0 <= exit_z < entry_z``.

                >>> pair_position_states([0.5, 2.1, 1.5, 0.4, -2.5], 2.0, 0.5)
                [0, -1, -1, 0, 1]
                """
            ''',
            """
            if not 0 <= exit_z < entry_z:
                raise ValueError("need 0 <= exit_z < entry_z")
            state = 0
            path = []
            for z in zscores:
                if z == z:
                    if state == 0:
                        if z >= entry_z:
                            state = -1
                        elif z <= -entry_z:
                            state = 1
                    elif state == -1 and z <= exit_z:
                        state = 0
                    elif state == 1 and z >= -exit_z:
                        state = 0
                path.append(state)
            return path
            """,
            """
            def check(candidate):
                zs = [0.5, 2.1, 1.5, 0.4, -2.5, -1.0, -0.3, nan, 3.0]
                assert candidate(zs, 2.0, 0.5) == [0, -1, -1, 0, 1, 1, 0, 0, -1]
                assert candidate([2.0, 0.5, -2.0, -0.5], 2.0, 0.5) == [-1, 0, 1, 0]
                assert candidate([], 2.0, 0.5) == []
                assert _raises(candidate, ValueError, [0.0], 1.0, 1.0)
            """,
            [
                """
                if not 0 <= exit_z < entry_z:
                    raise ValueError("need 0 <= exit_z < entry_z")
                state = 0
                path = []
                for z in zscores:
                    if z == z:
                        if state == 0:
                            if z > entry_z:
                                state = -1
                            elif z < -entry_z:
                                state = 1
                        elif abs(z) < exit_z:
                            state = 0
                    path.append(state)
                return path
                """,
                """
                if not 0 <= exit_z < entry_z:
                    raise ValueError("need 0 <= exit_z < entry_z")
                state = 0
                path = []
                for z in zscores:
                    if z == z:
                        if state == 0:
                            if z >= entry_z:
                                state = 1
                            elif z <= -entry_z:
                                state = -1
                        elif state == 1 and z <= exit_z:
                            state = 0
                        elif state == -1 and z >= -exit_z:
                            state = 0
                    path.append(state)
                return path
                """,
                """
                if not 0 <= exit_z < entry_z:
                    raise ValueError("need 0 <= exit_z < entry_z")
                state = 0
                path = []
                for z in zscores:
                    if z == z:
                        if state == 0:
                            if z >= entry_z:
                                state = -1
                            elif z <= -entry_z:
                                state = 1
                        elif state == -1 and z <= 0:
                            state = 0
                        elif state == 1 and z >= 0:
                            state = 0
                    path.append(state)
                return path
                """,
            ],
        ),
    ],
)

CROSS_RATES = FunctionFamily(
    "cross_rates",
    "multi_asset_pairs",
    [
        spec(
            "implied_cross_quote",
            "medium",
            '''
            def implied_cross_quote(
                a_bid: float, a_ask: float, b_bid: float, b_ask: float
            ) -> tuple[float, float]:
                """Executable bid and ask of A/B synthesised from the A/Q and B/Q markets.

                For example ETH/BTC from ETH/USDT (``a_*``) and BTC/USDT (``b_*``). Selling one
                A for B means selling A at ``a_bid`` and buying B at ``b_ask``, so the implied
                bid is ``a_bid / b_ask``; buying one A with B means selling B at ``b_bid`` and
                buying A at ``a_ask``, so the implied ask is ``a_ask / b_bid``. Return
                ``(bid, ask)``.

                Raise ``ValueError`` if any price is not positive or either input market has
                its bid above its ask.

                >>> implied_cross_quote(3.0, 4.0, 1.0, 2.0)
                (1.5, 4.0)
                """
            ''',
            """
            if min(a_bid, a_ask, b_bid, b_ask) <= 0:
                raise ValueError("prices must be positive")
            if a_bid > a_ask or b_bid > b_ask:
                raise ValueError("an input market is crossed")
            return a_bid / b_ask, a_ask / b_bid
            """,
            """
            def check(candidate):
                assert _close(candidate(3.0, 4.0, 1.0, 2.0), (1.5, 4.0))
                got = candidate(2_000.0, 2_001.0, 40_000.0, 40_010.0)
                assert _close(got, (2_000.0 / 40_010.0, 2_001.0 / 40_000.0))
                assert _raises(candidate, ValueError, 0.0, 1.0, 1.0, 1.0)
                assert _raises(candidate, ValueError, 5.0, 4.0, 1.0, 2.0)
            """,
            [
                """
                if min(a_bid, a_ask, b_bid, b_ask) <= 0:
                    raise ValueError("prices must be positive")
                if a_bid > a_ask or b_bid > b_ask:
                    raise ValueError("an input market is crossed")
                return a_bid / b_bid, a_ask / b_ask
                """,
                """
                if min(a_bid, a_ask, b_bid, b_ask) <= 0:
                    raise ValueError("prices must be positive")
                if a_bid > a_ask or b_bid > b_ask:
                    raise ValueError("an input market is crossed")
                return a_ask / b_bid, a_bid / b_ask
                """,
            ],
        ),
        spec(
            "triangular_arb_return",
            "hard",
            '''
            def triangular_arb_return(
                start_quote: float,
                base_ask: float,
                cross_ask: float,
                alt_bid: float,
                fee_rate: float,
            ) -> float:
                """Profit in quote currency of one pass around a triangle of markets.

                Example with USDT as quote, BTC as base and ETH as the alt coin: buy BTC with
                ``start_quote`` USDT at ``base_ask`` (BTC/USDT), buy ETH with that BTC at
                ``cross_ask`` (ETH/BTC, priced in BTC), then sell the ETH at ``alt_bid``
                (ETH/USDT). Every leg pays ``fee_rate`` out of the amount it delivers. Return
                the final USDT minus ``start_quote`` (negative when the loop loses money).

                Raise ``ValueError`` if ``start_quote`` or any price is not positive.

                >>> round(triangular_arb_return(1_000.0, 40_000.0, 0.05, 2_010.0, 0.0), 6)
                5.0
                """
            ''',
            """
            if start_quote <= 0 or min(base_ask, cross_ask, alt_bid) <= 0:
                raise ValueError("amount and prices must be positive")
            keep = 1.0 - fee_rate
            btc = start_quote / base_ask * keep
            eth = btc / cross_ask * keep
            back = eth * alt_bid * keep
            return back - start_quote
            """,
            """
            def check(candidate):
                assert _close(candidate(1_000.0, 40_000.0, 0.05, 2_010.0, 0.0), 5.0)
                got = candidate(1_000.0, 40_000.0, 0.05, 2_010.0, 0.001)
                assert _close(got, 1_005.0 * 0.999**3 - 1_000.0)
                assert _close(candidate(1_000.0, 40_000.0, 0.05, 1_990.0, 0.0), -5.0)
                assert _raises(candidate, ValueError, 0.0, 40_000.0, 0.05, 2_010.0, 0.0)
            """,
            [
                """
                if start_quote <= 0 or min(base_ask, cross_ask, alt_bid) <= 0:
                    raise ValueError("amount and prices must be positive")
                final = start_quote / base_ask / cross_ask * alt_bid * (1.0 - 3 * fee_rate)
                return final - start_quote
                """,
                """
                if start_quote <= 0 or min(base_ask, cross_ask, alt_bid) <= 0:
                    raise ValueError("amount and prices must be positive")
                keep = 1.0 - fee_rate
                btc = start_quote / base_ask * keep
                eth = btc * cross_ask * keep
                back = eth * alt_bid * keep
                return back - start_quote
                """,
                """
                if start_quote <= 0 or min(base_ask, cross_ask, alt_bid) <= 0:
                    raise ValueError("amount and prices must be positive")
                final = start_quote / base_ask / cross_ask * alt_bid * (1.0 - fee_rate)
                return final - start_quote
                """,
            ],
        ),
    ],
)

REBALANCE_TARGETS = FunctionFamily(
    "rebalance_targets",
    "rebalancing",
    [
        spec(
            "target_quantities",
            "easy",
            '''
            def target_quantities(
                equity: float,
                weights: dict[str, float],
                prices: dict[str, float],
                cash_buffer: float,
            ) -> dict[str, float]:
                """Coin quantities to hold for target weights, keeping a fraction in cash.

                Only ``(1 - cash_buffer) * equity`` is invested; each symbol in ``weights``
                gets ``investable * weight / prices[symbol]`` coins. Symbols that only appear
                in ``prices`` are not returned.

                Raise ``ValueError`` if ``cash_buffer`` is outside ``[0, 1)``, any weight is
                negative, or the weights add up to more than ``1 + 1e-9``.

                >>> target_quantities(10_000.0, {"BTC": 0.5}, {"BTC": 50_000.0}, 0.1)
                {'BTC': 0.09}
                """
            ''',
            """
            if not 0 <= cash_buffer < 1:
                raise ValueError("cash_buffer must lie in [0, 1)")
            if any(w < 0 for w in weights.values()) or sum(weights.values()) > 1 + 1e-9:
                raise ValueError("weights must be non-negative and sum to at most 1")
            investable = equity * (1.0 - cash_buffer)
            return {sym: investable * w / prices[sym] for sym, w in weights.items()}
            """,
            """
            def check(candidate):
                w = {"BTC": 0.5, "ETH": 0.5}
                px = {"BTC": 50_000.0, "ETH": 2_500.0}
                assert _close(candidate(10_000.0, w, px, 0.1), {"BTC": 0.09, "ETH": 1.8})
                got = candidate(1_000.0, {"SOL": 0.3}, {"SOL": 20.0, "BTC": 1.0}, 0.0)
                assert _close(got, {"SOL": 15.0})
                assert _raises(candidate, ValueError, 1_000.0, w, px, 1.0)
                assert _raises(candidate, ValueError, 1_000.0, {"BTC": 0.7, "ETH": 0.5}, px, 0.0)
            """,
            [
                """
                if not 0 <= cash_buffer < 1:
                    raise ValueError("cash_buffer must lie in [0, 1)")
                if any(w < 0 for w in weights.values()) or sum(weights.values()) > 1 + 1e-9:
                    raise ValueError("weights must be non-negative and sum to at most 1")
                return {sym: equity * w / prices[sym] for sym, w in weights.items()}
                """,
                """
                if not 0 <= cash_buffer < 1:
                    raise ValueError("cash_buffer must lie in [0, 1)")
                if any(w < 0 for w in weights.values()) or sum(weights.values()) > 1 + 1e-9:
                    raise ValueError("weights must be non-negative and sum to at most 1")
                investable = equity * (1.0 - cash_buffer)
                return {sym: investable * weights.get(sym, 0.0) / p for sym, p in prices.items()}
                """,
            ],
        ),
        spec(
            "inverse_variance_weights",
            "easy",
            '''
            def inverse_variance_weights(vols: dict[str, float]) -> dict[str, float]:
                """Naive risk-parity allocation that ignores correlations.

                Each asset's raw score is ``1 / vol ** 2`` (its inverse variance, with ``vol``
                the volatility); the weights are the scores divided by their total, so they
                add up to one.

                Raise ``ValueError`` if ``vols`` is empty or any volatility is not positive.

                >>> inverse_variance_weights({"BTC": 0.5, "ETH": 1.0})
                {'BTC': 0.8, 'ETH': 0.2}
                """
            ''',
            """
            if not vols or any(v <= 0 for v in vols.values()):
                raise ValueError("need at least one asset and positive volatilities")
            scores = {sym: v**-2 for sym, v in vols.items()}
            norm = sum(scores.values())
            return {sym: s / norm for sym, s in scores.items()}
            """,
            """
            def check(candidate):
                assert _close(candidate({"BTC": 0.5, "ETH": 1.0}), {"BTC": 0.8, "ETH": 0.2})
                got = candidate({"A": 0.1, "B": 0.2, "C": 0.4})
                assert _close(got, {"A": 16 / 21, "B": 4 / 21, "C": 1 / 21})
                assert _close(candidate({"SOL": 0.9}), {"SOL": 1.0})
                assert _raises(candidate, ValueError, {"A": 0.0})
                assert _raises(candidate, ValueError, {})
            """,
            [
                """
                if not vols or any(v <= 0 for v in vols.values()):
                    raise ValueError("need at least one asset and positive volatilities")
                scores = {sym: 1.0 / v for sym, v in vols.items()}
                norm = sum(scores.values())
                return {sym: s / norm for sym, s in scores.items()}
                """,
                """
                if not vols or any(v <= 0 for v in vols.values()):
                    raise ValueError("need at least one asset and positive volatilities")
                return {sym: v**-2 for sym, v in vols.items()}
                """,
            ],
        ),
        spec(
            "new_cash_buys",
            "hard",
            '''
            def new_cash_buys(
                values: dict[str, float], target_weights: dict[str, float], new_cash: float
            ) -> dict[str, float]:
                """Spend a deposit on the most underweight assets without selling anything.

                ``values`` are current holdings in quote currency. After the deposit the
                portfolio is worth ``total = sum(values) + new_cash``; an asset's shortfall is
                ``max(0, weight * total - value)`` (a missing value is 0, a missing weight is
                0). Because the weights sum to one, the shortfalls add up to at least
                ``new_cash``, so each asset receives ``shortfall * new_cash / sum(shortfalls)``.
                Return the quote amount to buy for every symbol in either dict (0.0 for those
                that get nothing; all zeros when ``new_cash`` is 0).

                Raise ``ValueError`` if ``new_cash < 0`` or the target weights do not sum to
                1 within ``1e-9``.

                >>> new_cash_buys({"BTC": 600.0, "ETH": 300.0, "SOL": 100.0},
                ...               {"BTC": 0.5, "ETH": 0.3, "SOL": 0.2}, 200.0)
                {'BTC': 0.0, 'ETH': 60.0, 'SOL': 140.0}
                """
            ''',
            """
            if new_cash < 0:
                raise ValueError("new_cash must be non-negative")
            if abs(sum(target_weights.values()) - 1.0) > 1e-9:
                raise ValueError("target weights must sum to 1")
            names = sorted(set(values) | set(target_weights))
            total = sum(values.values()) + new_cash
            short = {
                s: max(0.0, target_weights.get(s, 0.0) * total - values.get(s, 0.0))
                for s in names
            }
            gap = sum(short.values())
            if new_cash == 0 or gap <= 0:
                return {s: 0.0 for s in names}
            return {s: short[s] * new_cash / gap for s in names}
            """,
            """
            def check(candidate):
                vals = {"BTC": 600.0, "ETH": 300.0, "SOL": 100.0}
                w = {"BTC": 0.5, "ETH": 0.3, "SOL": 0.2}
                assert _close(candidate(vals, w, 200.0), {"BTC": 0.0, "ETH": 60.0, "SOL": 140.0})
                assert _close(candidate(vals, w, 100.0), {"BTC": 0.0, "ETH": 20.0, "SOL": 80.0})
                got = candidate({"BTC": 1_000.0}, {"BTC": 0.5, "ETH": 0.5}, 500.0)
                assert _close(got, {"BTC": 0.0, "ETH": 500.0})
                assert _close(candidate(vals, w, 0.0), {"BTC": 0.0, "ETH": 0.0, "SOL": 0.0})
                assert _raises(candidate, ValueError, vals, {"BTC": 0.5, "ETH": 0.4}, 100.0)
            """,
            [
                """
                if new_cash < 0:
                    raise ValueError("new_cash must be non-negative")
                if abs(sum(target_weights.values()) - 1.0) > 1e-9:
                    raise ValueError("target weights must sum to 1")
                names = sorted(set(values) | set(target_weights))
                return {s: target_weights.get(s, 0.0) * new_cash for s in names}
                """,
                """
                if new_cash < 0:
                    raise ValueError("new_cash must be non-negative")
                if abs(sum(target_weights.values()) - 1.0) > 1e-9:
                    raise ValueError("target weights must sum to 1")
                names = sorted(set(values) | set(target_weights))
                total = sum(values.values())
                short = {
                    s: max(0.0, target_weights.get(s, 0.0) * total - values.get(s, 0.0))
                    for s in names
                }
                gap = sum(short.values())
                if new_cash == 0 or gap <= 0:
                    return {s: 0.0 for s in names}
                return {s: short[s] * new_cash / gap for s in names}
                """,
                """
                if new_cash < 0:
                    raise ValueError("new_cash must be non-negative")
                if abs(sum(target_weights.values()) - 1.0) > 1e-9:
                    raise ValueError("target weights must sum to 1")
                names = sorted(set(values) | set(target_weights))
                total = sum(values.values()) + new_cash
                return {
                    s: max(0.0, target_weights.get(s, 0.0) * total - values.get(s, 0.0))
                    for s in names
                }
                """,
            ],
        ),
    ],
)

REBALANCE_TRADES = FunctionFamily(
    "rebalance_trades",
    "rebalancing",
    [
        spec(
            "band_breaches",
            "easy",
            '''
            def band_breaches(
                values: dict[str, float],
                target_weights: dict[str, float],
                abs_band: float,
                rel_band: float,
            ) -> dict[str, bool]:
                """Flag assets whose weight left its tolerance band (a "5/25"-style rule).

                Current weights are ``value / sum(values)``. An asset with target ``t`` and
                current weight ``w`` breaches when ``abs(w - t) > min(abs_band, rel_band * t)``,
                so small positions are held to the tighter relative band. Symbols missing from
                either dict count as 0 there (a holding with target 0 breaches as soon as it is
                positive). Return a flag for every symbol in either dict.

                Raise ``ValueError`` if the total value is not positive.

                >>> band_breaches({"BTC": 510.0, "ETH": 360.0, "SOL": 130.0},
                ...               {"BTC": 0.5, "ETH": 0.4, "SOL": 0.1}, 0.05, 0.25)
                {'BTC': False, 'ETH': False, 'SOL': True}
                """
            ''',
            """
            worth = sum(values.values())
            if worth <= 0:
                raise ValueError("portfolio value must be positive")
            flags = {}
            for sym in sorted(set(values) | set(target_weights)):
                goal = target_weights.get(sym, 0.0)
                now = values.get(sym, 0.0) / worth
                flags[sym] = abs(now - goal) > min(abs_band, rel_band * goal)
            return flags
            """,
            """
            def check(candidate):
                vals = {"BTC": 510.0, "ETH": 360.0, "SOL": 130.0}
                tgt = {"BTC": 0.5, "ETH": 0.4, "SOL": 0.1}
                assert candidate(vals, tgt, 0.05, 0.25) == {"BTC": False, "ETH": False, "SOL": True}
                got = candidate({"BTC": 700.0, "DOGE": 300.0}, {"BTC": 1.0}, 0.05, 0.25)
                assert got == {"BTC": True, "DOGE": True}
                got = candidate({"BTC": 980.0, "ETH": 20.0}, {"BTC": 0.98, "ETH": 0.02}, 0.05, 0.25)
                assert got == {"BTC": False, "ETH": False}
                assert _raises(candidate, ValueError, {}, tgt, 0.05, 0.25)
            """,
            [
                """
                worth = sum(values.values())
                if worth <= 0:
                    raise ValueError("portfolio value must be positive")
                flags = {}
                for sym in sorted(set(values) | set(target_weights)):
                    goal = target_weights.get(sym, 0.0)
                    now = values.get(sym, 0.0) / worth
                    flags[sym] = abs(now - goal) > abs_band
                return flags
                """,
                """
                worth = sum(values.values())
                if worth <= 0:
                    raise ValueError("portfolio value must be positive")
                flags = {}
                for sym in sorted(set(values) | set(target_weights)):
                    goal = target_weights.get(sym, 0.0)
                    now = values.get(sym, 0.0) / worth
                    flags[sym] = abs(now - goal) > min(abs_band, rel_band * now)
                return flags
                """,
                """
                worth = sum(values.values())
                if worth <= 0:
                    raise ValueError("portfolio value must be positive")
                flags = {}
                for sym in sorted(set(values) | set(target_weights)):
                    goal = target_weights.get(sym, 0.0)
                    now = values.get(sym, 0.0) / worth
                    flags[sym] = abs(now - goal) > max(abs_band, rel_band * goal)
                return flags
                """,
            ],
        ),
        spec(
            "min_notional_trades",
            "medium",
            '''
            def min_notional_trades(
                current_qty: dict[str, float],
                target_qty: dict[str, float],
                prices: dict[str, float],
                min_notional: float,
            ) -> list[tuple[str, float]]:
                """Signed trades (buy > 0) taking holdings to targets, dropping dust orders.

                For every symbol in either dict (missing = 0) the change is ``target -
                current``, rounded with ``round(x, 10)``. A change whose notional
                ``abs(change) * price`` is below ``min_notional`` is skipped (an order worth
                exactly the minimum is kept), as is a zero change. Sells come first, so they
                free up cash, then buys; each group is sorted by symbol.

                >>> min_notional_trades({"ETH": 2.0}, {"ETH": 1.0, "ADA": 100.0},
                ...                     {"ETH": 3_000.0, "ADA": 0.5}, 10.0)
                [('ETH', -1.0), ('ADA', 100.0)]
                """
            ''',
            """
            sells, buys = [], []
            for sym in sorted(set(current_qty) | set(target_qty)):
                change = round(target_qty.get(sym, 0.0) - current_qty.get(sym, 0.0), 10)
                if change == 0 or abs(change) * prices[sym] < min_notional:
                    continue
                (sells if change < 0 else buys).append((sym, change))
            return sells + buys
            """,
            """
            def check(candidate):
                cur = {"BTC": 0.10, "ETH": 2.0, "SOL": 10.0}
                tgt = {"BTC": 0.12, "ETH": 1.0, "SOL": 10.05, "ADA": 100.0}
                px = {"BTC": 50_000.0, "ETH": 3_000.0, "SOL": 100.0, "ADA": 0.5}
                want = [("ETH", -1.0), ("ADA", 100.0), ("BTC", 0.02)]
                assert _close(candidate(cur, tgt, px, 10.0), want)
                assert _close(candidate({"X": 1.0}, {"X": 2.0}, {"X": 10.0}, 10.0), [("X", 1.0)])
                assert candidate({"X": 1.0}, {"X": 1.0}, {"X": 10.0}, 0.0) == []
            """,
            [
                """
                sells, buys = [], []
                for sym in sorted(set(current_qty) | set(target_qty)):
                    change = round(target_qty.get(sym, 0.0) - current_qty.get(sym, 0.0), 10)
                    if change == 0 or abs(change) * prices[sym] <= min_notional:
                        continue
                    (sells if change < 0 else buys).append((sym, change))
                return sells + buys
                """,
                """
                trades = []
                for sym in sorted(set(current_qty) | set(target_qty)):
                    change = round(target_qty.get(sym, 0.0) - current_qty.get(sym, 0.0), 10)
                    if change == 0 or abs(change) * prices[sym] < min_notional:
                        continue
                    trades.append((sym, change))
                return trades
                """,
                """
                sells, buys = [], []
                for sym in sorted(set(current_qty) | set(target_qty)):
                    change = round(target_qty.get(sym, 0.0) - current_qty.get(sym, 0.0), 10)
                    if change == 0 or abs(change) < min_notional:
                        continue
                    (sells if change < 0 else buys).append((sym, change))
                return sells + buys
                """,
            ],
        ),
    ],
)

FAMILIES = [
    ORDER_PLACEMENT,
    BAR_TRIGGERS,
    RESTING_ORDERS,
    TRADING_COSTS,
    BOOK_LIQUIDITY,
    PAIRS_TRADING,
    CROSS_RATES,
    REBALANCE_TARGETS,
    REBALANCE_TRADES,
]
