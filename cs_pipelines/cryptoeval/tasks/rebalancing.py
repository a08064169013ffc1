"""Portfolio rebalancing: weights, target weights to orders, min notional, lot sizes, turnover."""

from cs_pipelines.cryptoeval.task import spec

SPECS = [
    spec(
        "portfolio_weights",
        "easy",
        '''
        def portfolio_weights(
            holdings: dict[str, float], prices: dict[str, float], cash: float
        ) -> dict[str, float]:
            """Weight of every held coin in total portfolio value (``cash`` included in the
            total but not returned): ``qty * price / (cash + sum(qty * price))``.

            >>> prices = {"BTC": 30_000.0, "ETH": 2_000.0}
            >>> portfolio_weights({"BTC": 1.0, "ETH": 10.0}, prices, 10_000.0)
            {'BTC': 0.5, 'ETH': 0.3333333333333333}
            """
        ''',
        """
        values = {s: q * prices[s] for s, q in holdings.items()}
        total = cash + sum(values.values())
        return {s: v / total for s, v in values.items()}
        """,
        """
        def check(candidate):
            got = candidate({"BTC": 1.0, "ETH": 10.0}, {"BTC": 30_000.0, "ETH": 2_000.0}, 10_000.0)
            assert _close(got, {"BTC": 0.5, "ETH": 1 / 3})
            assert _close(candidate({"SOL": 2.0}, {"SOL": 50.0}, 0.0), {"SOL": 1.0})
        """,
        [
            """
            total = cash + sum(holdings.values())
            return {s: q / total for s, q in holdings.items()}
            """,
            """
            values = {s: q * prices[s] for s, q in holdings.items()}
            total = sum(values.values())
            return {s: v / total for s, v in values.items()}
            """,
        ],
    ),
    spec(
        "rebalance_orders",
        "medium",
        '''
        def rebalance_orders(
            holdings: dict[str, float],
            prices: dict[str, float],
            cash: float,
            target_weights: dict[str, float],
            min_notional: float,
        ) -> dict[str, float]:
            """Orders (signed coin quantities, buy > 0) that move the portfolio to target weights.

            Total value is ``cash + sum(qty * price)``. The target value of a coin is
            ``weight * total``; coins held but absent from ``target_weights`` have target 0
            (sell everything). Cash is whatever weight is left over and gets no order. Skip any
            order whose notional ``abs(qty) * price`` is below ``min_notional`` (the exchange
            would reject it).

            >>> orders = rebalance_orders({"BTC": 1.0}, {"BTC": 30_000.0, "SOL": 100.0}, 10_000.0,
            ...                           {"BTC": 0.5, "SOL": 0.25}, 10.0)
            >>> {sym: round(qty, 6) for sym, qty in orders.items()}
            {'BTC': -0.333333, 'SOL': 100.0}
            """
        ''',
        """
        total = cash + sum(q * prices[s] for s, q in holdings.items())
        orders = {}
        for sym in sorted(set(holdings) | set(target_weights)):
            target_value = target_weights.get(sym, 0.0) * total
            current_value = holdings.get(sym, 0.0) * prices[sym]
            qty = (target_value - current_value) / prices[sym]
            if abs(qty) * prices[sym] >= min_notional:
                orders[sym] = qty
        return orders
        """,
        """
        def check(candidate):
            prices = {"BTC": 30_000.0, "ETH": 2_000.0, "SOL": 100.0}
            targets = {"BTC": 0.5, "SOL": 0.2}
            got = candidate({"BTC": 1.0, "ETH": 10.0}, prices, 10_000.0, targets, 10.0)
            assert _close(got, {"ETH": -10.0, "SOL": 120.0})
            assert _close(candidate({"BTC": 1.0}, prices, 3.0, {"BTC": 1.0}, 5.0), {})
            assert _close(candidate({"BTC": 1.0}, prices, 3.0, {"BTC": 1.0}, 2.0), {"BTC": 0.0001})
        """,
        [
            """
            total = cash + sum(q * prices[s] for s, q in holdings.items())
            orders = {}
            for sym in sorted(set(holdings) | set(target_weights)):
                target_value = target_weights.get(sym, 0.0) * total
                current_value = holdings.get(sym, 0.0) * prices[sym]
                qty = (target_value - current_value) / prices[sym]
                if abs(qty) >= min_notional:
                    orders[sym] = qty
            return orders
            """,
            """
            total = cash + sum(q * prices[s] for s, q in holdings.items())
            orders = {}
            for sym, w in target_weights.items():
                qty = (w * total - holdings.get(sym, 0.0) * prices[sym]) / prices[sym]
                if abs(qty) * prices[sym] >= min_notional:
                    orders[sym] = qty
            return orders
            """,
        ],
        fix="rebalance_orders({'BTC': 1.0}, {'BTC': 30_000.0}, 3.0, {'BTC': 1.0}, 2.0) returns {} "
        "although the $3 order clears the $2 minimum notional.",
    ),
    spec(
        "rebalance_orders_lots",
        "hard",
        '''
        import math


        def rebalance_orders_lots(
            holdings: dict[str, float],
            prices: dict[str, float],
            cash: float,
            target_weights: dict[str, float],
            lot_steps: dict[str, float],
            min_notional: float,
        ) -> dict[str, float]:
            """Rebalancing orders rounded to each coin's lot step.

            Raw quantities as in a plain rebalance (total = cash + holdings value; untargeted
            holdings go to 0). Round every raw quantity *toward zero* to a multiple of its lot
            step: ``sign * math.floor(abs(q) / step + 1e-9) * step``, then ``round(x, 10)``, so no
            order overshoots the target or the available cash. Check ``min_notional`` *after*
            rounding and drop orders that are 0 or below it.

            >>> rebalance_orders_lots({"BTC": 0.5}, {"BTC": 30_000.0, "ETH": 2_000.0}, 5_000.0,
            ...                       {"BTC": 0.5, "ETH": 0.3}, {"BTC": 0.001, "ETH": 0.01}, 10.0)
            {'BTC': -0.166, 'ETH': 3.0}
            """
        ''',
        """
        total = cash + sum(q * prices[s] for s, q in holdings.items())
        orders = {}
        for sym in sorted(set(holdings) | set(target_weights)):
            raw = (target_weights.get(sym, 0.0) * total - holdings.get(sym, 0.0) * prices[sym])
            raw /= prices[sym]
            step = lot_steps[sym]
            qty = round(math.copysign(math.floor(abs(raw) / step + 1e-9) * step, raw), 10)
            if qty != 0 and abs(qty) * prices[sym] >= min_notional:
                orders[sym] = qty
        return orders
        """,
        """
        def check(candidate):
            prices = {"BTC": 30_000.0, "ETH": 2_000.0}
            steps = {"BTC": 0.001, "ETH": 0.01}
            got = candidate({"BTC": 0.5}, prices, 5_000.0, {"BTC": 0.5, "ETH": 0.3}, steps, 10.0)
            assert _close(got, {"BTC": -0.166, "ETH": 3.0})
            got = candidate({}, prices, 100.0, {"ETH": 0.12}, {"ETH": 0.005}, 11.0)
            assert _close(got, {})
            got = candidate({"ETH": 1.0}, prices, 0.0, {}, steps, 10.0)
            assert _close(got, {"ETH": -1.0})
        """,
        [
            """
            total = cash + sum(q * prices[s] for s, q in holdings.items())
            orders = {}
            for sym in sorted(set(holdings) | set(target_weights)):
                raw = (target_weights.get(sym, 0.0) * total - holdings.get(sym, 0.0) * prices[sym])
                raw /= prices[sym]
                step = lot_steps[sym]
                qty = round(math.floor(raw / step + 1e-9) * step, 10)
                if qty != 0 and abs(qty) * prices[sym] >= min_notional:
                    orders[sym] = qty
            return orders
            """,
            """
            total = cash + sum(q * prices[s] for s, q in holdings.items())
            orders = {}
            for sym in sorted(set(holdings) | set(target_weights)):
                raw = (target_weights.get(sym, 0.0) * total - holdings.get(sym, 0.0) * prices[sym])
                raw /= prices[sym]
                if abs(raw) * prices[sym] < min_notional:
                    continue
                step = lot_steps[sym]
                qty = round(math.copysign(math.floor(abs(raw) / step + 1e-9) * step, raw), 10)
                if qty != 0:
                    orders[sym] = qty
            return orders
            """,
        ],
        fix="on the docstring example the BTC sell comes out as -0.167 instead of -0.166: "
        "the sale is rounded away from zero and overshoots the target.",
    ),
    spec(
        "drifted_assets",
        "easy",
        '''
        def drifted_assets(
            current: dict[str, float], target: dict[str, float], threshold: float
        ) -> list[str]:
            """Symbols whose *absolute* weight drift ``abs(current - target)`` exceeds
            ``threshold`` (strictly), sorted alphabetically. A symbol missing from one dict has
            weight 0 there.

            >>> target = {"BTC": 0.5, "ETH": 0.4, "SOL": 0.1}
            >>> drifted_assets({"BTC": 0.52, "ETH": 0.48}, target, 0.05)
            ['ETH', 'SOL']
            """
        ''',
        """
        syms = set(current) | set(target)
        return sorted(
            s for s in syms if abs(current.get(s, 0.0) - target.get(s, 0.0)) > threshold
        )
        """,
        """
        def check(candidate):
            got = candidate({"BTC": 0.52, "ETH": 0.48}, {"BTC": 0.5, "ETH": 0.4, "SOL": 0.1}, 0.05)
            assert got == ["ETH", "SOL"]
            assert candidate({"A": 0.06}, {"A": 0.03}, 0.05) == []
            assert candidate({"Z": 0.2, "A": 0.8}, {}, 0.1) == ["A", "Z"]
        """,
        [
            """
            syms = set(current) | set(target)
            out = []
            for s in syms:
                t = target.get(s, 0.0)
                c = current.get(s, 0.0)
                if t == 0 or abs(c - t) / t > threshold:
                    out.append(s)
            return sorted(out)
            """,
            """
            return sorted(s for s in target if abs(current.get(s, 0.0) - target[s]) > threshold)
            """,
        ],
    ),
    spec(
        "turnover",
        "easy",
        '''
        def turnover(old_weights: dict[str, float], new_weights: dict[str, float]) -> float:
            """One-way turnover of a rebalance: ``0.5 * sum(abs(new - old))`` over the union of
            symbols (a missing symbol has weight 0).

            >>> round(turnover({"BTC": 0.5, "ETH": 0.5}, {"BTC": 0.3, "ETH": 0.3, "SOL": 0.4}), 6)
            0.4
            """
        ''',
        """
        syms = set(old_weights) | set(new_weights)
        return 0.5 * sum(abs(new_weights.get(s, 0.0) - old_weights.get(s, 0.0)) for s in syms)
        """,
        """
        def check(candidate):
            new = {"BTC": 0.3, "ETH": 0.3, "SOL": 0.4}
            assert _close(candidate({"BTC": 0.5, "ETH": 0.5}, new), 0.4)
            assert _close(candidate({"BTC": 1.0}, {"ETH": 1.0}), 1.0)
            assert _close(candidate({"BTC": 1.0}, {"BTC": 1.0}), 0.0, abs_tol=1e-12)
        """,
        [
            """
            return sum(abs(new_weights.get(s, 0.0) - w) for s, w in old_weights.items()) / 2
            """,
            """
            syms = set(old_weights) | set(new_weights)
            return sum(abs(new_weights.get(s, 0.0) - old_weights.get(s, 0.0)) for s in syms)
            """,
        ],
    ),
    spec(
        "fund_buys",
        "hard",
        '''
        def fund_buys(
            cash: float, sells: dict[str, float], buys: dict[str, float], fee_rate: float
        ) -> dict[str, float]:
            """Scale buy notionals so a sell-then-buy rebalance never overdraws cash.

            ``sells`` and ``buys`` map symbols to quote notionals. Available funds are
            ``cash + sum(sells) * (1 - fee_rate)`` (sell fees reduce proceeds); buying costs
            ``sum(buys) * (1 + fee_rate)``. If the cost fits, return ``buys`` unchanged (as a new
            dict); otherwise scale every buy by ``available / cost``.

            >>> fund_buys(100.0, {"ETH": 500.0}, {"BTC": 400.0, "SOL": 200.0}, 0.0)
            {'BTC': 400.0, 'SOL': 200.0}
            """
        ''',
        """
        available = cash + sum(sells.values()) * (1.0 - fee_rate)
        cost = sum(buys.values()) * (1.0 + fee_rate)
        if cost <= available:
            return dict(buys)
        factor = available / cost
        return {s: v * factor for s, v in buys.items()}
        """,
        """
        def check(candidate):
            got = candidate(100.0, {"ETH": 500.0}, {"BTC": 400.0, "SOL": 200.0}, 0.0)
            assert _close(got, {"BTC": 400.0, "SOL": 200.0})
            got = candidate(100.0, {"ETH": 500.0}, {"BTC": 400.0, "SOL": 200.0}, 0.001)
            f = 599.5 / 600.6
            assert _close(got, {"BTC": 400.0 * f, "SOL": 200.0 * f})
            assert _close(sum(got.values()) * 1.001, 599.5)
            got = candidate(0.0, {}, {"BTC": 10.0}, 0.001)
            assert _close(got, {"BTC": 0.0}, abs_tol=1e-12)
        """,
        [
            """
            available = cash + sum(sells.values()) * (1.0 - fee_rate)
            cost = sum(buys.values())
            if cost <= available:
                return dict(buys)
            factor = available / cost
            return {s: v * factor for s, v in buys.items()}
            """,
            """
            available = cash + sum(sells.values())
            cost = sum(buys.values()) * (1.0 + fee_rate)
            if cost <= available:
                return dict(buys)
            factor = available / cost
            return {s: v * factor for s, v in buys.items()}
            """,
        ],
    ),
    spec(
        "weights_after_drift",
        "easy",
        '''
        def weights_after_drift(
            weights: dict[str, float], returns: dict[str, float]
        ) -> dict[str, float]:
            """Portfolio weights after one period of returns, without rebalancing.

            ``w_i' = w_i * (1 + r_i) / sum_j w_j * (1 + r_j)``; an asset missing from
            ``returns`` (e.g. a stablecoin) has return 0.

            >>> w = weights_after_drift({"BTC": 0.6, "USDT": 0.4}, {"BTC": 0.5})
            >>> {k: round(v, 6) for k, v in w.items()}
            {'BTC': 0.692308, 'USDT': 0.307692}
            """
        ''',
        """
        grown = {s: w * (1.0 + returns.get(s, 0.0)) for s, w in weights.items()}
        total = sum(grown.values())
        return {s: v / total for s, v in grown.items()}
        """,
        """
        def check(candidate):
            got = candidate({"BTC": 0.6, "USDT": 0.4}, {"BTC": 0.5})
            assert _close(got, {"BTC": 0.9 / 1.3, "USDT": 0.4 / 1.3})
            got = candidate({"A": 0.5, "B": 0.5}, {"A": -0.5, "B": 0.5})
            assert _close(got, {"A": 0.25, "B": 0.75})
        """,
        [
            """
            grown = {s: w + returns.get(s, 0.0) for s, w in weights.items()}
            total = sum(grown.values())
            return {s: v / total for s, v in grown.items()}
            """,
            """
            return {s: w * (1.0 + returns.get(s, 0.0)) for s, w in weights.items()}
            """,
        ],
    ),
    spec(
        "band_rebalance",
        "medium",
        '''
        def band_rebalance(
            current: dict[str, float], target: dict[str, float], band: float
        ) -> dict[str, float]:
            """Tolerance-band rebalancing: trade only assets whose weight drifted *more than*
            ``band`` from target, and only back to the nearest band edge (not to the target),
            which keeps turnover low.

            For such an asset the new weight is ``target + band`` if it is overweight and
            ``target - band`` if underweight. Return ``{symbol: new_weight - current_weight}``
            for traded assets only (missing weights are 0).

            >>> trades = band_rebalance({"BTC": 0.7, "ETH": 0.3}, {"BTC": 0.5, "ETH": 0.5}, 0.1)
            >>> {sym: round(delta, 6) for sym, delta in trades.items()}
            {'BTC': -0.1, 'ETH': 0.1}
            """
        ''',
        """
        trades = {}
        for sym in sorted(set(current) | set(target)):
            c = current.get(sym, 0.0)
            t = target.get(sym, 0.0)
            if abs(c - t) > band:
                edge = t + band if c > t else t - band
                trades[sym] = edge - c
        return trades
        """,
        """
        def check(candidate):
            got = candidate({"BTC": 0.7, "ETH": 0.3}, {"BTC": 0.5, "ETH": 0.5}, 0.1)
            assert _close(got, {"BTC": -0.1, "ETH": 0.1})
            assert _close(candidate({"A": 0.55}, {"A": 0.5}, 0.1), {})
            got = candidate({"A": 0.25, "B": 0.75}, {"A": 0.5, "C": 0.5}, 0.05)
            assert _close(got, {"A": 0.2, "B": -0.7, "C": 0.45})
        """,
        [
            """
            trades = {}
            for sym in sorted(set(current) | set(target)):
                c = current.get(sym, 0.0)
                t = target.get(sym, 0.0)
                if abs(c - t) > band:
                    trades[sym] = t - c
            return trades
            """,
            """
            trades = {}
            for sym in sorted(set(current) | set(target)):
                c = current.get(sym, 0.0)
                t = target.get(sym, 0.0)
                if abs(c - t) > band:
                    edge = t - band if c > t else t + band
                    trades[sym] = edge - c
            return trades
            """,
        ],
    ),
    spec(
        "capped_weights",
        "hard",
        '''
        def capped_weights(scores: dict[str, float], cap: float) -> dict[str, float]:
            """Weights proportional to positive scores, with no weight above ``cap``.

            Assets with a score ``<= 0`` get no weight and are left out. Repeat until no weight
            exceeds the cap: fix every over-cap asset at ``cap`` and share the remaining weight
            among the uncapped assets in proportion to their scores (water-filling, so the
            weights still sum to 1). Raise ``ValueError`` if ``cap * number_of_positive < 1``.

            >>> capped_weights({"A": 6.0, "B": 3.0, "C": 1.0}, 0.5)
            {'A': 0.5, 'B': 0.375, 'C': 0.125}
            """
        ''',
        """
        pos = {k: v for k, v in scores.items() if v > 0}
        if cap * len(pos) < 1 - 1e-12:
            raise ValueError("cap too small")
        weights = {}
        free = dict(pos)
        remaining = 1.0
        while free:
            total = sum(free.values())
            tentative = {k: remaining * v / total for k, v in free.items()}
            over = [k for k, w in tentative.items() if w > cap + 1e-12]
            if not over:
                weights.update(tentative)
                break
            for k in over:
                weights[k] = cap
                remaining -= cap
                del free[k]
        return {k: weights[k] for k in pos}
        """,
        """
        def check(candidate):
            got = candidate({"A": 6.0, "B": 3.0, "C": 1.0}, 0.5)
            assert _close(got, {"A": 0.5, "B": 0.375, "C": 0.125})
            got = candidate({"A": 5.0, "B": 4.0, "C": 1.0}, 0.42)
            assert _close(got, {"A": 0.42, "B": 0.42, "C": 0.16})
            assert _close(candidate({"A": 1.0, "B": 0.0, "C": 1.0}, 0.6), {"A": 0.5, "C": 0.5})
            assert _raises(candidate, ValueError, {"A": 1.0, "B": 1.0}, 0.4)
        """,
        [
            """
            pos = {k: v for k, v in scores.items() if v > 0}
            if cap * len(pos) < 1 - 1e-12:
                raise ValueError("cap too small")
            total = sum(pos.values())
            raw = {k: v / total for k, v in pos.items()}
            capped = [k for k, w in raw.items() if w > cap]
            rest = {k: pos[k] for k in pos if k not in capped}
            remaining = 1.0 - cap * len(capped)
            rest_total = sum(rest.values())
            out = {k: cap for k in capped}
            out.update({k: remaining * v / rest_total for k, v in rest.items()})
            return {k: out[k] for k in pos}
            """,
            """
            pos = {k: v for k, v in scores.items() if v > 0}
            if cap * len(pos) < 1 - 1e-12:
                raise ValueError("cap too small")
            total = sum(pos.values())
            clipped = {k: min(v / total, cap) for k, v in pos.items()}
            s = sum(clipped.values())
            return {k: w / s for k, w in clipped.items()}
            """,
        ],
        fix="capped_weights({'A': 5.0, 'B': 4.0, 'C': 1.0}, 0.42) returns B = 0.464, above the "
        "cap: weight redistributed to the uncapped assets is not re-checked against the cap.",
    ),
    spec(
        "threshold_rebalance_backtest",
        "hard",
        '''
        def threshold_rebalance_backtest(
            prices: list[dict[str, float]],
            target: dict[str, float],
            initial_value: float,
            threshold: float,
        ) -> tuple[float, int]:
            """Simulate threshold rebalancing (no fees); return ``(final_value, n_rebalances)``.

            At bar 0 buy the target weights at bar-0 prices (not counted as a rebalance). At every
            later bar value the holdings at that bar's prices; if any asset's weight differs from
            its target by more than ``threshold`` (absolute), trade back to the target weights at
            that bar's prices and count one rebalance. The final value uses the last bar's prices.

            >>> bars = [{"A": 1.0, "B": 1.0}, {"A": 2.0, "B": 1.0}, {"A": 1.0, "B": 1.0}]
            >>> threshold_rebalance_backtest(bars, {"A": 0.5, "B": 0.5}, 100.0, 0.1)
            (112.5, 2)
            """
        ''',
        """
        units = {s: w * initial_value / prices[0][s] for s, w in target.items()}
        n = 0
        for p in prices[1:]:
            values = {s: units[s] * p[s] for s in units}
            total = sum(values.values())
            if any(abs(values[s] / total - target[s]) > threshold for s in target):
                units = {s: target[s] * total / p[s] for s in target}
                n += 1
        return sum(units[s] * prices[-1][s] for s in units), n
        """,
        """
        def check(candidate):
            bars = [{"A": 1.0, "B": 1.0}, {"A": 2.0, "B": 1.0}, {"A": 1.0, "B": 1.0}]
            target = {"A": 0.5, "B": 0.5}
            assert _close(candidate(bars, target, 100.0, 0.1), (112.5, 2))
            assert _close(candidate(bars, target, 100.0, 0.2), (100.0, 0))
            bars = [{"A": 1.0, "B": 1.0}, {"A": 2.0, "B": 1.0}, {"A": 2.2, "B": 1.0}]
            assert _close(candidate(bars, target, 100.0, 0.1), (157.5, 1))
        """,
        [
            """
            units = {s: w * initial_value / prices[0][s] for s, w in target.items()}
            n = 0
            prev = prices[0]
            for p in prices[1:]:
                values = {s: units[s] * p[s] for s in units}
                total = sum(values.values())
                if any(abs(values[s] / total - target[s]) > threshold for s in target):
                    units = {s: target[s] * total / prev[s] for s in target}
                    n += 1
                prev = p
            return sum(units[s] * prices[-1][s] for s in units), n
            """,
            """
            units = {s: w * initial_value / prices[0][s] for s, w in target.items()}
            n = 0
            for p in prices[1:]:
                total = sum(units[s] * p[s] for s in units)
                units = {s: target[s] * total / p[s] for s in target}
                n += 1
            return sum(units[s] * prices[-1][s] for s in units), n
            """,
        ],
    ),
    spec(
        "net_orders",
        "easy",
        '''
        def net_orders(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
            """Net two strategies' orders (signed coin quantities) per symbol before sending them,
            so opposite orders cross internally. Drop symbols that net to zero
            (``abs(q) < 1e-12``).

            >>> net_orders({"BTC": 0.5, "ETH": -2.0}, {"BTC": -0.5, "SOL": 10.0})
            {'ETH': -2.0, 'SOL': 10.0}
            """
        ''',
        """
        out = {}
        for orders in (a, b):
            for sym, q in orders.items():
                out[sym] = out.get(sym, 0.0) + q
        return {s: q for s, q in out.items() if abs(q) >= 1e-12}
        """,
        """
        def check(candidate):
            got = candidate({"BTC": 0.5, "ETH": -2.0}, {"BTC": -0.5, "SOL": 10.0})
            assert _close(got, {"ETH": -2.0, "SOL": 10.0})
            assert _close(candidate({"ETH": 1.0}, {"ETH": 0.5}), {"ETH": 1.5})
        """,
        [
            """
            out = dict(a)
            out.update(b)
            return {s: q for s, q in out.items() if abs(q) >= 1e-12}
            """,
            """
            out = {}
            for orders in (a, b):
                for sym, q in orders.items():
                    out[sym] = out.get(sym, 0.0) + q
            return out
            """,
        ],
    ),
    spec(
        "rebalance_dates",
        "medium",
        '''
        def rebalance_dates(start_ms: int, end_ms: int, every_days: int) -> list[int]:
            """Calendar rebalancing timestamps (epoch ms): the first UTC midnight at or after
            ``start_ms``, then every ``every_days`` days (weekends included), up to and
            including ``end_ms``.

            >>> rebalance_dates(1, 5 * 86_400_000, 2)
            [86400000, 259200000, 432000000]
            """
        ''',
        """
        day = 86_400_000
        t = -(-start_ms // day) * day
        out = []
        while t <= end_ms:
            out.append(t)
            t += every_days * day
        return out
        """,
        """
        def check(candidate):
            day = 86_400_000
            assert candidate(1, 5 * day, 2) == [day, 3 * day, 5 * day]
            assert candidate(0, 5 * day, 2) == [0, 2 * day, 4 * day]
            assert candidate(0, 6 * day, 7) == [0]
            assert candidate(day + 5, day + 10, 1) == []
        """,
        [
            """
            day = 86_400_000
            t = start_ms
            out = []
            while t <= end_ms:
                out.append(t)
                t += every_days * day
            return out
            """,
            """
            day = 86_400_000
            t = -(-start_ms // day) * day
            out = []
            while t < end_ms:
                out.append(t)
                t += every_days * day
            return out
            """,
        ],
    ),
]
