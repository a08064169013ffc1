"""Execution maths: fees, slippage, tick/lot rounding, perpetual margin, funding, positions."""

from cs_pipelines.cryptoeval.task import spec

SPECS = [
    spec(
        "fill_cash_flow",
        "easy",
        '''
        def fill_cash_flow(
            side: str, price: float, qty: float, is_maker: bool, maker_fee: float, taker_fee: float
        ) -> float:
            """Quote-currency cash flow of a spot fill, fees included (fees are paid in quote).

            ``fee = price * qty * rate`` with ``rate = maker_fee`` for maker fills and
            ``taker_fee`` otherwise; a negative maker fee is a rebate. A ``"buy"`` returns
            ``-(notional + fee)``, a ``"sell"`` returns ``notional - fee``.

            >>> round(fill_cash_flow("buy", 100.0, 2.0, False, -0.0001, 0.0005), 6)
            -200.1
            """
        ''',
        """
        notional = price * qty
        fee = notional * (maker_fee if is_maker else taker_fee)
        if side == "buy":
            return -(notional + fee)
        if side == "sell":
            return notional - fee
        raise ValueError(f"unknown side {side!r}")
        """,
        """
        def check(candidate):
            assert _close(candidate("buy", 100.0, 2.0, False, -0.0001, 0.0005), -200.1)
            assert _close(candidate("sell", 100.0, 2.0, False, -0.0001, 0.0005), 199.9)
            assert _close(candidate("sell", 100.0, 2.0, True, -0.0001, 0.0005), 200.02)
            assert _close(candidate("buy", 100.0, 2.0, True, 0.0002, 0.0005), -200.04)
        """,
        [
            """
            notional = price * qty
            fee = notional * taker_fee
            return -(notional + fee) if side == "buy" else notional - fee
            """,
            """
            notional = price * qty
            fee = notional * (maker_fee if is_maker else taker_fee)
            return -(notional + fee) if side == "buy" else notional + fee
            """,
        ],
    ),
    spec(
        "round_trip_pnl",
        "easy",
        '''
        def round_trip_pnl(
            side: str, entry: float, exit: float, qty: float, fee_rate: float
        ) -> float:
            """Net profit of opening and closing a position of ``qty`` coins.

            Gross pnl is ``(exit - entry) * qty`` for ``"long"`` and ``(entry - exit) * qty``
            for ``"short"``. The fee is charged twice: ``fee_rate`` times the entry notional
            plus ``fee_rate`` times the exit notional.

            >>> round(round_trip_pnl("long", 100.0, 110.0, 2.0, 0.001), 6)
            19.58
            """
        ''',
        """
        gross = (exit - entry) * qty if side == "long" else (entry - exit) * qty
        fees = fee_rate * (entry * qty + exit * qty)
        return gross - fees
        """,
        """
        def check(candidate):
            assert _close(candidate("long", 100.0, 110.0, 2.0, 0.001), 19.58)
            assert _close(candidate("short", 100.0, 90.0, 1.0, 0.001), 9.81)
            assert _close(candidate("short", 100.0, 110.0, 1.0, 0.0), -10.0)
        """,
        [
            """
            gross = (exit - entry) * qty if side == "long" else (entry - exit) * qty
            return gross - fee_rate * entry * qty
            """,
            """
            gross = (exit - entry) * qty
            fees = fee_rate * (entry * qty + exit * qty)
            return gross - fees
            """,
            """
            gross = (exit - entry) * qty if side == "long" else (entry - exit) * qty
            return gross - 2 * fee_rate * entry * qty
            """,
        ],
        fix="round_trip_pnl('long', 100.0, 110.0, 2.0, 0.001) returns 19.8 instead of 19.58: "
        "the exit fee is missing.",
    ),
    spec(
        "break_even_price",
        "medium",
        '''
        def break_even_price(side: str, entry: float, fee_rate: float) -> float:
            """Exit price at which a round trip nets exactly zero after fees.

            Fees are ``fee_rate`` of the entry notional plus ``fee_rate`` of the exit notional
            (the exit notional depends on the exit price). For a long solve
            ``(p - entry) = fee_rate * (entry + p)``; for a short
            ``(entry - p) = fee_rate * (entry + p)``.

            >>> round(break_even_price("long", 100.0, 0.001), 6)
            100.2002
            """
        ''',
        """
        if side == "long":
            return entry * (1 + fee_rate) / (1 - fee_rate)
        if side == "short":
            return entry * (1 - fee_rate) / (1 + fee_rate)
        raise ValueError(f"unknown side {side!r}")
        """,
        """
        def check(candidate):
            assert _close(candidate("long", 100.0, 0.001), 100.0 * 1.001 / 0.999, rel_tol=1e-12)
            assert _close(candidate("short", 100.0, 0.001), 100.0 * 0.999 / 1.001, rel_tol=1e-12)
            assert _close(candidate("long", 50.0, 0.0), 50.0)
            assert _raises(candidate, ValueError, "flat", 1.0, 0.001)
        """,
        [
            """
            if side == "long":
                return entry * (1 + 2 * fee_rate)
            if side == "short":
                return entry * (1 - 2 * fee_rate)
            raise ValueError(f"unknown side {side!r}")
            """,
            """
            if side == "long":
                return entry * (1 + fee_rate)
            if side == "short":
                return entry * (1 - fee_rate)
            raise ValueError(f"unknown side {side!r}")
            """,
        ],
    ),
    spec(
        "apply_slippage",
        "easy",
        '''
        def apply_slippage(price: float, side: str, slippage_bps: float) -> float:
            """Expected fill price after slippage of ``slippage_bps`` basis points.

            Slippage always hurts: a ``"buy"`` fills at ``price * (1 + bps / 10_000)`` and a
            ``"sell"`` at ``price * (1 - bps / 10_000)``.

            >>> round(apply_slippage(20_000.0, "buy", 5), 6)
            20010.0
            """
        ''',
        """
        frac = slippage_bps / 10_000.0
        if side == "buy":
            return price * (1 + frac)
        if side == "sell":
            return price * (1 - frac)
        raise ValueError(f"unknown side {side!r}")
        """,
        """
        def check(candidate):
            assert _close(candidate(20_000.0, "buy", 5), 20_010.0)
            assert _close(candidate(20_000.0, "sell", 5), 19_990.0)
            assert _close(candidate(1.5, "sell", 0), 1.5)
        """,
        [
            """
            frac = slippage_bps / 10_000.0
            return price * (1 + frac)
            """,
            """
            frac = slippage_bps / 100.0
            return price * (1 + frac) if side == "buy" else price * (1 - frac)
            """,
        ],
    ),
    spec(
        "round_price_to_tick",
        "medium",
        '''
        import math


        def round_price_to_tick(price: float, tick: float, side: str) -> float:
            """Round a limit price onto the exchange's tick grid without making it more
            aggressive: a ``"buy"`` rounds *down*, a ``"sell"`` rounds *up*.

            Work in ticks with a ``1e-9`` tolerance so float noise does not move a price that is
            already on the grid (``0.3 / 0.1 == 2.9999999999999996``): buy uses
            ``math.floor(price / tick + 1e-9)``, sell ``math.ceil(price / tick - 1e-9)``. Return
            ``round(ticks * tick, 12)``.

            >>> round_price_to_tick(100.07, 0.05, "buy"), round_price_to_tick(100.07, 0.05, "sell")
            (100.05, 100.1)
            """
        ''',
        """
        x = price / tick
        if side == "buy":
            n = math.floor(x + 1e-9)
        elif side == "sell":
            n = math.ceil(x - 1e-9)
        else:
            raise ValueError(f"unknown side {side!r}")
        return round(n * tick, 12)
        """,
        """
        def check(candidate):
            assert _close(candidate(100.07, 0.05, "buy"), 100.05)
            assert _close(candidate(100.07, 0.05, "sell"), 100.1)
            assert _close(candidate(0.3, 0.1, "buy"), 0.3)
            assert _close(candidate(0.1 + 0.2, 0.1, "sell"), 0.3)
            assert _close(candidate(100.03, 0.05, "sell"), 100.05)
            assert _close(candidate(100.03, 0.05, "buy"), 100.0)
        """,
        [
            """
            return round(round(price / tick) * tick, 12)
            """,
            """
            x = price / tick
            n = math.floor(x) if side == "buy" else math.ceil(x)
            return round(n * tick, 12)
            """,
            """
            x = price / tick
            n = math.ceil(x - 1e-9) if side == "buy" else math.floor(x + 1e-9)
            return round(n * tick, 12)
            """,
        ],
        fix="round_price_to_tick(100.07, 0.05, 'sell') returns 100.05, a sell limit below the "
        "requested price (more aggressive than asked) instead of 100.1.",
    ),
    spec(
        "round_qty_to_lot",
        "easy",
        '''
        import math


        def round_qty_to_lot(qty: float, step: float, min_qty: float) -> float:
            """Round an order quantity *down* to the lot ``step``; return 0.0 if the result is
            below ``min_qty`` (the exchange would reject it).

            Use ``math.floor(qty / step + 1e-9)`` lots and return ``round(lots * step, 12)``.

            >>> round_qty_to_lot(0.12345, 0.001, 0.01)
            0.123
            """
        ''',
        """
        lots = math.floor(qty / step + 1e-9)
        q = round(lots * step, 12)
        return q if q >= min_qty else 0.0
        """,
        """
        def check(candidate):
            assert _close(candidate(0.12345, 0.001, 0.01), 0.123)
            assert _close(candidate(0.0099, 0.001, 0.01), 0.0, abs_tol=1e-12)
            assert _close(candidate(0.3, 0.1, 0.1), 0.3)
            assert _close(candidate(0.1239, 0.001, 0.0), 0.123)
        """,
        [
            """
            q = round(round(qty / step) * step, 12)
            return q if q >= min_qty else 0.0
            """,
            """
            lots = math.floor(qty / step + 1e-9)
            return round(lots * step, 12)
            """,
        ],
    ),
    spec(
        "liquidation_price_isolated",
        "hard",
        '''
        def liquidation_price_isolated(
            side: str, entry: float, leverage: float, maintenance_margin_rate: float
        ) -> float:
            """Liquidation price of an isolated-margin linear (USDT-margined) perpetual position
            opened with margin ``entry * qty / leverage`` (fees and funding ignored).

            Liquidation happens when position equity (margin plus unrealised pnl) equals the
            maintenance margin ``maintenance_margin_rate * qty * P`` at the liquidation price
            ``P``. Solving for ``P`` (``qty`` cancels out):
            long ``P = entry * (1 - 1/leverage) / (1 - mmr)``,
            short ``P = entry * (1 + 1/leverage) / (1 + mmr)``.
            Raise ``ValueError`` for any other side.

            >>> round(liquidation_price_isolated("long", 20_000.0, 10.0, 0.005), 4)
            18090.4523
            """
        ''',
        """
        mmr = maintenance_margin_rate
        if side == "long":
            return entry * (1 - 1 / leverage) / (1 - mmr)
        if side == "short":
            return entry * (1 + 1 / leverage) / (1 + mmr)
        raise ValueError(f"unknown side {side!r}")
        """,
        """
        def check(candidate):
            assert _close(candidate("long", 20_000.0, 10.0, 0.005), 18_000.0 / 0.995)
            assert _close(candidate("short", 20_000.0, 10.0, 0.005), 22_000.0 / 1.005)
            assert _close(candidate("long", 100.0, 1.0, 0.01), 0.0, abs_tol=1e-12)
            assert _raises(candidate, ValueError, "both", 100.0, 5.0, 0.01)
            # At the returned price, equity equals maintenance margin (qty = 1).
            p = candidate("short", 3_000.0, 20.0, 0.004)
            assert _close(3_000.0 / 20.0 - (p - 3_000.0), 0.004 * p)
        """,
        [
            """
            mmr = maintenance_margin_rate
            if side == "long":
                return entry * (1 - 1 / leverage + mmr)
            if side == "short":
                return entry * (1 + 1 / leverage - mmr)
            raise ValueError(f"unknown side {side!r}")
            """,
            """
            mmr = maintenance_margin_rate
            if side in ("long", "short"):
                return entry * (1 - 1 / leverage) / (1 - mmr)
            raise ValueError(f"unknown side {side!r}")
            """,
            """
            mmr = maintenance_margin_rate
            if side == "long":
                return entry * (1 - 1 / leverage) / (1 + mmr)
            if side == "short":
                return entry * (1 + 1 / leverage) / (1 - mmr)
            raise ValueError(f"unknown side {side!r}")
            """,
        ],
        fix="liquidation_price_isolated('long', 20_000.0, 10.0, 0.005) returns 18100.0; at that "
        "price equity still exceeds the maintenance margin, so the position is not yet liquidated.",
    ),
    spec(
        "liquidation_price_from_margin",
        "hard",
        '''
        def liquidation_price_from_margin(
            side: str, entry: float, qty: float, margin: float, maintenance_margin_rate: float
        ) -> float:
            """Liquidation price of an isolated linear perpetual position with explicit margin.

            ``qty > 0`` coins, ``margin`` in quote (may exceed the initial margin after margin
            was added). Liquidation when ``margin + pnl(P) == mmr * qty * P`` with
            ``pnl = qty * (P - entry)`` for ``"long"`` and ``qty * (entry - P)`` for
            ``"short"``. A long that can never be liquidated (solution ``<= 0``) returns 0.0.

            >>> round(liquidation_price_from_margin("long", 2000.0, 5.0, 1000.0, 0.01), 4)
            1818.1818
            """
        ''',
        """
        mmr = maintenance_margin_rate
        if side == "long":
            p = (qty * entry - margin) / (qty * (1 - mmr))
            return max(p, 0.0)
        if side == "short":
            return (margin + qty * entry) / (qty * (1 + mmr))
        raise ValueError(f"unknown side {side!r}")
        """,
        """
        def check(candidate):
            assert _close(candidate("long", 2000.0, 5.0, 1000.0, 0.01), 9000.0 / 4.95)
            assert _close(candidate("short", 2000.0, 5.0, 1000.0, 0.01), 11000.0 / 5.05)
            assert _close(candidate("long", 2000.0, 5.0, 12000.0, 0.01), 0.0, abs_tol=1e-12)
            assert _close(candidate("long", 2000.0, 2.0, 400.0, 0.0), 1800.0)
        """,
        [
            """
            if side == "long":
                return max((qty * entry - margin) / qty, 0.0)
            return (margin + qty * entry) / qty
            """,
            """
            mmr = maintenance_margin_rate
            if side == "long":
                return max((entry - margin) / (1 - mmr), 0.0)
            return (margin + entry) / (1 + mmr)
            """,
        ],
    ),
    spec(
        "funding_payment",
        "easy",
        '''
        def funding_payment(position_qty: float, mark_price: float, funding_rate: float) -> float:
            """Funding cash flow for the position holder at one funding timestamp.

            ``position_qty`` is signed (long > 0, short < 0). When the funding rate is positive
            longs pay shorts: the holder receives ``-position_qty * mark_price * funding_rate``
            (negative means the holder pays).

            >>> round(funding_payment(2.0, 30_000.0, 0.0001), 6)
            -6.0
            """
        ''',
        """
        return -position_qty * mark_price * funding_rate
        """,
        """
        def check(candidate):
            assert _close(candidate(2.0, 30_000.0, 0.0001), -6.0)
            assert _close(candidate(-2.0, 30_000.0, 0.0001), 6.0)
            assert _close(candidate(1.0, 2_000.0, -0.0005), 1.0)
            assert _close(candidate(0.0, 2_000.0, 0.01), 0.0, abs_tol=1e-12)
        """,
        [
            """
            return position_qty * mark_price * funding_rate
            """,
            """
            return -abs(position_qty) * mark_price * funding_rate
            """,
        ],
        fix="funding_payment(2.0, 30_000.0, 0.0001) returns +6.0: the long is credited funding "
        "although longs pay shorts when the rate is positive.",
    ),
    spec(
        "funding_apr",
        "easy",
        '''
        def funding_apr(rate_per_interval: float, interval_hours: float = 8.0) -> float:
            """Simple (non-compounded) annualised funding rate.

            There are ``24 / interval_hours`` funding intervals a day and perpetuals fund every
            day of the year: ``rate * (24 / interval_hours) * 365``.

            >>> round(funding_apr(0.0001), 6)
            0.1095
            """
        ''',
        """
        return rate_per_interval * (24.0 / interval_hours) * 365.0
        """,
        """
        def check(candidate):
            assert _close(candidate(0.0001), 0.1095)
            assert _close(candidate(0.0001, 1.0), 0.876)
            assert _close(candidate(-0.0002, 4.0), -0.438)
        """,
        [
            """
            return rate_per_interval * 3 * 365.0
            """,
            """
            return rate_per_interval * (24.0 / interval_hours) * 252.0
            """,
            """
            return (1 + rate_per_interval) ** (24.0 / interval_hours * 365.0) - 1
            """,
        ],
    ),
    spec(
        "inverse_contract_pnl",
        "medium",
        '''
        def inverse_contract_pnl(
            side: str, contracts: int, contract_value_usd: float, entry: float, exit: float
        ) -> float:
            """PnL, in the base coin, of an inverse (coin-margined) futures position.

            Each contract is worth ``contract_value_usd`` dollars. A long's pnl in coins is
            ``contracts * contract_value_usd * (1 / entry - 1 / exit)``; a short's is the
            negative of that.

            >>> round(inverse_contract_pnl("long", 100, 100.0, 20_000.0, 25_000.0), 8)
            0.1
            """
        ''',
        """
        pnl = contracts * contract_value_usd * (1.0 / entry - 1.0 / exit)
        if side == "long":
            return pnl
        if side == "short":
            return -pnl
        raise ValueError(f"unknown side {side!r}")
        """,
        """
        def check(candidate):
            assert _close(candidate("long", 100, 100.0, 20_000.0, 25_000.0), 0.1)
            assert _close(candidate("short", 100, 100.0, 20_000.0, 25_000.0), -0.1)
            assert _close(candidate("short", 10, 10.0, 2_000.0, 1_000.0), 0.05)
        """,
        [
            """
            pnl = contracts * contract_value_usd * (exit - entry) / entry / exit
            pnl = pnl * exit / entry
            return pnl if side == "long" else -pnl
            """,
            """
            pnl = contracts * contract_value_usd * (1.0 / exit - 1.0 / entry)
            return pnl if side == "long" else -pnl
            """,
        ],
    ),
    spec(
        "update_position",
        "hard",
        '''
        def update_position(
            qty: float, avg_price: float, fill_qty: float, fill_price: float
        ) -> tuple[float, float, float]:
            """Apply a fill to a signed position; return ``(new_qty, new_avg_price, realized)``.

            ``qty``/``fill_qty`` are signed (buy > 0, sell < 0). Adding to a position (or opening
            from flat) moves the average entry to the quantity-weighted average. Reducing keeps
            the average and realises ``closed * (fill_price - avg_price)`` for a long
            (``closed * (avg_price - fill_price)`` for a short). A fill that flips the side first
            closes the whole old position, then opens the remainder at ``fill_price``. A flat
            result has average price 0.0.

            >>> update_position(2.0, 105.0, -1.0, 120.0)
            (1.0, 105.0, 15.0)
            """
        ''',
        """
        if qty == 0 or (qty > 0) == (fill_qty > 0):
            new_qty = qty + fill_qty
            new_avg = (qty * avg_price + fill_qty * fill_price) / new_qty if new_qty else 0.0
            return new_qty, new_avg, 0.0
        closed = min(abs(qty), abs(fill_qty))
        sign = 1.0 if qty > 0 else -1.0
        realized = closed * (fill_price - avg_price) * sign
        new_qty = qty + fill_qty
        if new_qty == 0:
            return 0.0, 0.0, realized
        if (new_qty > 0) == (qty > 0):
            return new_qty, avg_price, realized
        return new_qty, fill_price, realized
        """,
        """
        def check(candidate):
            assert _close(candidate(0.0, 0.0, 1.0, 100.0), (1.0, 100.0, 0.0))
            assert _close(candidate(1.0, 100.0, 1.0, 110.0), (2.0, 105.0, 0.0))
            assert _close(candidate(2.0, 105.0, -1.0, 120.0), (1.0, 105.0, 15.0))
            assert _close(candidate(1.0, 105.0, -3.0, 90.0), (-2.0, 90.0, -15.0))
            assert _close(candidate(-2.0, 50.0, 1.0, 40.0), (-1.0, 50.0, 10.0))
            assert _close(candidate(-2.0, 50.0, -2.0, 60.0), (-4.0, 55.0, 0.0))
            assert _close(candidate(1.0, 100.0, -1.0, 100.0), (0.0, 0.0, 0.0))
        """,
        [
            """
            new_qty = qty + fill_qty
            if new_qty == 0:
                return 0.0, 0.0, (fill_price - avg_price) * qty
            new_avg = (qty * avg_price + fill_qty * fill_price) / new_qty
            realized = 0.0
            if qty and (qty > 0) != (fill_qty > 0):
                closed = min(abs(qty), abs(fill_qty))
                realized = closed * (fill_price - avg_price) * (1 if qty > 0 else -1)
            return new_qty, new_avg, realized
            """,
            """
            if qty == 0 or (qty > 0) == (fill_qty > 0):
                new_qty = qty + fill_qty
                new_avg = (qty * avg_price + fill_qty * fill_price) / new_qty if new_qty else 0.0
                return new_qty, new_avg, 0.0
            closed = min(abs(qty), abs(fill_qty))
            sign = 1.0 if qty > 0 else -1.0
            realized = closed * (fill_price - avg_price) * sign
            new_qty = qty + fill_qty
            return new_qty, (avg_price if new_qty else 0.0), realized
            """,
        ],
        fix="update_position(1.0, 105.0, -3.0, 90.0) returns (-2.0, 82.5, -15.0): after the fill "
        "flips the position short, the new short's entry should be the fill price 90.0.",
    ),
    spec(
        "twap_slices",
        "medium",
        '''
        import math


        def twap_slices(total_qty: float, n_slices: int, lot_step: float) -> list[float]:
            """Split a parent order into ``n_slices`` child orders on the lot grid.

            Every slice but the last is ``total_qty / n_slices`` rounded *down* to the lot step
            (``math.floor(x / lot_step + 1e-9)`` lots); the last slice takes the remainder so
            the slices sum to ``total_qty``. Round every slice with ``round(x, 10)``.

            >>> twap_slices(1.0, 3, 0.001)
            [0.333, 0.333, 0.334]
            """
        ''',
        """
        base = math.floor(total_qty / n_slices / lot_step + 1e-9) * lot_step
        base = round(base, 10)
        slices = [base] * (n_slices - 1)
        slices.append(round(total_qty - base * (n_slices - 1), 10))
        return slices
        """,
        """
        def check(candidate):
            assert _close(candidate(1.0, 3, 0.001), [0.333, 0.333, 0.334])
            assert _close(candidate(0.9, 3, 0.1), [0.3, 0.3, 0.3])
            assert _close(candidate(5.0, 1, 0.01), [5.0])
            got = candidate(2.0, 7, 0.01)
            assert _close(sum(got), 2.0) and _close(got[:-1], [0.28] * 6)
        """,
        [
            """
            base = math.floor(total_qty / n_slices / lot_step + 1e-9) * lot_step
            return [round(base, 10)] * n_slices
            """,
            """
            base = round(total_qty / n_slices / lot_step) * lot_step
            base = round(base, 10)
            slices = [base] * (n_slices - 1)
            slices.append(round(total_qty - base * (n_slices - 1), 10))
            return slices
            """,
        ],
    ),
    spec(
        "bracket_exit",
        "hard",
        '''
        def bracket_exit(
            side: str,
            stop: float,
            take_profit: float,
            bars: list[tuple[float, float, float, float]],
        ) -> tuple[int, float, str] | None:
            """First exit of a position with a stop-loss and a take-profit, bar by bar.

            ``bars`` are ``(open, high, low, close)`` after entry. For each bar, in this order:
            1. the open already beyond the stop (long: ``open <= stop``; short: ``open >= stop``)
               fills the stop at the *open* (gap through the stop);
            2. the open already beyond the target fills the take-profit at the open;
            3. the stop touched intrabar (long ``low <= stop``, short ``high >= stop``) fills at
               the stop price; when both levels are touched in one bar assume the stop came
               first (conservative);
            4. the target touched (long ``high >= tp``, short ``low <= tp``) fills at the target.
            Return ``(bar_index, fill_price, "stop" | "take_profit")`` or ``None``.

            >>> bracket_exit("long", 95.0, 110.0, [(100, 105, 96, 104), (104, 111, 94, 100)])
            (1, 95.0, 'stop')
            """
        ''',
        """
        long = side == "long"
        for i, (o, h, l, _c) in enumerate(bars):
            if (o <= stop) if long else (o >= stop):
                return i, float(o), "stop"
            if (o >= take_profit) if long else (o <= take_profit):
                return i, float(o), "take_profit"
            if (l <= stop) if long else (h >= stop):
                return i, float(stop), "stop"
            if (h >= take_profit) if long else (l <= take_profit):
                return i, float(take_profit), "take_profit"
        return None
        """,
        """
        def check(candidate):
            bars = [(100, 105, 96, 104), (104, 111, 94, 100)]
            assert _close(candidate("long", 95.0, 110.0, bars), (1, 95.0, "stop"))
            gap = [(100, 101, 99, 100), (93, 94, 90, 92)]
            assert _close(candidate("long", 95.0, 110.0, gap), (1, 93.0, "stop"))
            tp = "take_profit"
            assert _close(candidate("long", 95.0, 110.0, [(100, 112, 99, 111)]), (0, 110.0, tp))
            assert _close(candidate("long", 95.0, 110.0, [(112, 113, 111, 112)]), (0, 112.0, tp))
            assert candidate("long", 95.0, 110.0, [(100, 101, 99, 100)]) is None
            assert _close(candidate("short", 105.0, 90.0, [(100, 104, 89, 95)]), (0, 90.0, tp))
            assert _close(candidate("short", 105.0, 90.0, [(100, 106, 89, 95)]), (0, 105.0, "stop"))
            got = candidate("short", 105.0, 90.0, [(107, 108, 100, 101)])
            assert _close(got, (0, 107.0, "stop"))
        """,
        [
            """
            long = side == "long"
            for i, (o, h, l, _c) in enumerate(bars):
                if (h >= take_profit) if long else (l <= take_profit):
                    return i, float(take_profit), "take_profit"
                if (l <= stop) if long else (h >= stop):
                    return i, float(stop), "stop"
            return None
            """,
            """
            long = side == "long"
            for i, (o, h, l, _c) in enumerate(bars):
                if (l <= stop) if long else (h >= stop):
                    return i, float(stop), "stop"
                if (h >= take_profit) if long else (l <= take_profit):
                    return i, float(take_profit), "take_profit"
            return None
            """,
            """
            for i, (o, h, l, _c) in enumerate(bars):
                if o <= stop:
                    return i, float(o), "stop"
                if o >= take_profit:
                    return i, float(o), "take_profit"
                if l <= stop:
                    return i, float(stop), "stop"
                if h >= take_profit:
                    return i, float(take_profit), "take_profit"
            return None
            """,
        ],
        fix="bracket_exit('long', 95.0, 110.0, [(100, 101, 99, 100), (93, 94, 90, 92)]) "
        "reports a fill at 95.0, but the market opened at 93 below the stop, so the stop fills "
        "at the open.",
    ),
    spec(
        "effective_fill_price",
        "easy",
        '''
        def effective_fill_price(
            fills: list[tuple[float, float]], fee_rate: float, side: str
        ) -> float:
            """Fee-inclusive average price of several fills ``(price, qty)`` of one order.

            ``vwap = sum(price * qty) / sum(qty)``; a ``"buy"`` effectively pays
            ``vwap * (1 + fee_rate)``, a ``"sell"`` effectively receives ``vwap * (1 - fee_rate)``.

            >>> round(effective_fill_price([(100.0, 1.0), (102.0, 1.0)], 0.001, "buy"), 6)
            101.101
            """
        ''',
        """
        qty = sum(q for _, q in fills)
        vwap = sum(p * q for p, q in fills) / qty
        if side == "buy":
            return vwap * (1 + fee_rate)
        if side == "sell":
            return vwap * (1 - fee_rate)
        raise ValueError(f"unknown side {side!r}")
        """,
        """
        def check(candidate):
            assert _close(candidate([(100.0, 1.0), (102.0, 1.0)], 0.001, "buy"), 101.101)
            assert _close(candidate([(100.0, 3.0), (104.0, 1.0)], 0.001, "sell"), 101.0 * 0.999)
        """,
        [
            """
            vwap = sum(p for p, _ in fills) / len(fills)
            return vwap * (1 + fee_rate) if side == "buy" else vwap * (1 - fee_rate)
            """,
            """
            qty = sum(q for _, q in fills)
            vwap = sum(p * q for p, q in fills) / qty
            return vwap * (1 + fee_rate)
            """,
        ],
    ),
    spec(
        "futures_basis_apr",
        "easy",
        '''
        def futures_basis_apr(spot: float, futures: float, days_to_expiry: float) -> float:
            """Annualised (simple) basis of a dated future: ``(futures / spot - 1) * 365 / days``.

            Crypto futures use a 365-day year (not 360 or 252).

            >>> round(futures_basis_apr(20_000.0, 20_200.0, 73), 6)
            0.05
            """
        ''',
        """
        if days_to_expiry <= 0:
            raise ValueError("days_to_expiry must be positive")
        return (futures / spot - 1.0) * 365.0 / days_to_expiry
        """,
        """
        def check(candidate):
            assert _close(candidate(20_000.0, 20_200.0, 73), 0.05)
            assert _close(candidate(100.0, 99.0, 36.5), -0.1)
            assert _raises(candidate, ValueError, 100.0, 101.0, 0)
        """,
        [
            """
            if days_to_expiry <= 0:
                raise ValueError("days_to_expiry must be positive")
            return (futures / spot - 1.0) * 360.0 / days_to_expiry
            """,
            """
            if days_to_expiry <= 0:
                raise ValueError("days_to_expiry must be positive")
            return (futures - spot) / futures * 365.0 / days_to_expiry
            """,
        ],
    ),
    spec(
        "funding_rate_from_premium",
        "medium",
        '''
        def funding_rate_from_premium(
            premium_index: float, interest_rate: float = 0.0001, clamp: float = 0.0005
        ) -> float:
            """Perpetual funding rate from the premium index (Binance-style formula).

            ``F = P + clamp(I - P, -clamp, +clamp)`` where ``P`` is the premium index and ``I``
            the interest rate per funding interval: the *difference* ``I - P`` is clamped, not
            the result.

            >>> round(funding_rate_from_premium(0.0002), 8)
            0.0001
            """
        ''',
        """
        diff = interest_rate - premium_index
        diff = max(-clamp, min(clamp, diff))
        return premium_index + diff
        """,
        """
        def check(candidate):
            assert _close(candidate(0.0002), 0.0001, abs_tol=1e-15)
            assert _close(candidate(0.001), 0.0005, abs_tol=1e-15)
            assert _close(candidate(-0.001), -0.0005, abs_tol=1e-15)
            assert _close(candidate(0.0, 0.0003, 0.0005), 0.0003, abs_tol=1e-15)
        """,
        [
            """
            f = premium_index + (interest_rate - premium_index)
            return max(-clamp, min(clamp, f))
            """,
            """
            diff = premium_index - interest_rate
            diff = max(-clamp, min(clamp, diff))
            return premium_index + diff
            """,
        ],
    ),
    spec(
        "fee_tier",
        "easy",
        '''
        def fee_tier(
            volume_30d: float, tiers: list[tuple[float, float, float]]
        ) -> tuple[float, float]:
            """``(maker_fee, taker_fee)`` of the VIP tier a 30-day volume qualifies for.

            ``tiers`` are ``(min_volume, maker, taker)`` sorted by ``min_volume`` ascending, the
            first with ``min_volume == 0``. A volume *equal* to a threshold qualifies for it.

            >>> fee_tier(1e6, [(0, 0.001, 0.001), (1e6, 0.0009, 0.001), (5e6, 0.0008, 0.0009)])
            (0.0009, 0.001)
            """
        ''',
        """
        maker, taker = tiers[0][1], tiers[0][2]
        for min_volume, m, t in tiers:
            if volume_30d >= min_volume:
                maker, taker = m, t
        return maker, taker
        """,
        """
        def check(candidate):
            tiers = [(0, 0.001, 0.001), (1e6, 0.0009, 0.001), (5e6, 0.0008, 0.0009)]
            assert _close(candidate(1e6, tiers), (0.0009, 0.001))
            assert _close(candidate(999_999.0, tiers), (0.001, 0.001))
            assert _close(candidate(1e8, tiers), (0.0008, 0.0009))
            assert _close(candidate(0.0, tiers), (0.001, 0.001))
        """,
        [
            """
            maker, taker = tiers[0][1], tiers[0][2]
            for min_volume, m, t in tiers:
                if volume_30d > min_volume:
                    maker, taker = m, t
            return maker, taker
            """,
            """
            for min_volume, m, t in tiers:
                if volume_30d >= min_volume:
                    return m, t
            return tiers[-1][1], tiers[-1][2]
            """,
        ],
    ),
    spec(
        "limit_order_fill",
        "medium",
        '''
        def limit_order_fill(
            side: str, limit: float, bars: list[tuple[float, float, float, float]]
        ) -> tuple[int, float] | None:
            """Conservative fill simulation of a resting limit order on OHLC bars.

            A buy fills at the open if the bar opens at or below the limit (gap), otherwise only
            if the low trades *strictly through* the limit (``low < limit``; a mere touch may
            leave the order unfilled in the queue), at the limit price. Sells mirror this
            (``open >= limit`` fills at the open, ``high > limit`` at the limit). Return
            ``(bar_index, fill_price)`` for the first fill, or ``None``.

            >>> limit_order_fill("buy", 100.0, [(102, 103, 100, 101), (101, 101, 99, 100)])
            (1, 100.0)
            """
        ''',
        """
        for i, (o, h, l, _c) in enumerate(bars):
            if side == "buy":
                if o <= limit:
                    return i, float(o)
                if l < limit:
                    return i, float(limit)
            elif side == "sell":
                if o >= limit:
                    return i, float(o)
                if h > limit:
                    return i, float(limit)
            else:
                raise ValueError(f"unknown side {side!r}")
        return None
        """,
        """
        def check(candidate):
            assert candidate("buy", 100.0, [(102, 103, 100, 101)]) is None
            got = candidate("buy", 100.0, [(102, 103, 100, 101), (101, 101, 99, 100)])
            assert _close(got, (1, 100.0))
            assert _close(candidate("buy", 100.0, [(99, 100, 98, 99)]), (0, 99.0))
            got = candidate("sell", 110.0, [(105, 110, 104, 109), (108, 111, 107, 110)])
            assert _close(got, (1, 110.0))
            assert _close(candidate("sell", 110.0, [(112, 113, 111, 112)]), (0, 112.0))
        """,
        [
            """
            for i, (o, h, l, _c) in enumerate(bars):
                if side == "buy":
                    if o <= limit:
                        return i, float(o)
                    if l <= limit:
                        return i, float(limit)
                else:
                    if o >= limit:
                        return i, float(o)
                    if h >= limit:
                        return i, float(limit)
            return None
            """,
            """
            for i, (o, h, l, _c) in enumerate(bars):
                if side == "buy":
                    if l < limit or o <= limit:
                        return i, float(limit)
                else:
                    if h > limit or o >= limit:
                        return i, float(limit)
            return None
            """,
        ],
    ),
    spec(
        "trailing_stop_exit",
        "hard",
        '''
        def trailing_stop_exit(
            entry_price: float, trail_fraction: float, bars: list[tuple[float, float, float, float]]
        ) -> tuple[int, float] | None:
            """Exit of a long position protected by a trailing stop, on OHLC bars after entry.

            The peak starts at ``entry_price``. For each bar, the stop is
            ``peak * (1 - trail_fraction)`` using the peak of *earlier* bars only (the order of
            intrabar highs and lows is unknown, so the current high cannot raise this bar's
            stop). If the bar opens at or below the stop, exit at the open (gap); else if its low
            reaches the stop, exit at the stop. Otherwise raise the peak to ``max(peak, high)``.
            Return ``(bar_index, exit_price)`` or ``None``.

            >>> trailing_stop_exit(100.0, 0.1, [(100, 110, 101, 109), (109, 112, 98, 100)])
            (1, 99.0)
            """
        ''',
        """
        peak = entry_price
        for i, (o, h, l, _c) in enumerate(bars):
            stop = peak * (1 - trail_fraction)
            if o <= stop:
                return i, float(o)
            if l <= stop:
                return i, stop
            peak = max(peak, h)
        return None
        """,
        """
        def check(candidate):
            bars = [(100, 110, 101, 109), (109, 112, 98, 100)]
            assert _close(candidate(100.0, 0.1, bars), (1, 99.0))
            gap = [(100, 110, 101, 109), (95, 96, 90, 92)]
            assert _close(candidate(100.0, 0.1, gap), (1, 95.0))
            assert candidate(100.0, 0.1, [(100, 105, 96, 104)]) is None
            assert _close(candidate(100.0, 0.05, [(100, 101, 94, 95)]), (0, 95.0))
        """,
        [
            """
            peak = entry_price
            for i, (o, h, l, _c) in enumerate(bars):
                peak = max(peak, h)
                stop = peak * (1 - trail_fraction)
                if o <= stop:
                    return i, float(o)
                if l <= stop:
                    return i, stop
            return None
            """,
            """
            peak = entry_price
            for i, (o, _h, l, c) in enumerate(bars):
                stop = peak * (1 - trail_fraction)
                if o <= stop:
                    return i, float(o)
                if l <= stop:
                    return i, stop
                peak = max(peak, c)
            return None
            """,
            """
            peak = entry_price
            for i, (_o, h, l, _c) in enumerate(bars):
                stop = peak * (1 - trail_fraction)
                if l <= stop:
                    return i, stop
                peak = max(peak, h)
            return None
            """,
        ],
        fix="trailing_stop_exit(100.0, 0.1, [(100, 110, 101, 109), (109, 112, 98, 100)]) returns "
        "(1, 100.8): the second bar's own high raised its stop, which assumes the high came "
        "before the low.",
    ),
    spec(
        "liquidation_distance",
        "easy",
        '''
        def liquidation_distance(side: str, entry: float, liquidation_price: float) -> float:
            """How far price may move against a position before liquidation, as a fraction of
            the *entry* price: long ``(entry - liq) / entry``, short ``(liq - entry) / entry``.

            >>> round(liquidation_distance("long", 20_000.0, 18_000.0), 6)
            0.1
            """
        ''',
        """
        if side == "long":
            return (entry - liquidation_price) / entry
        if side == "short":
            return (liquidation_price - entry) / entry
        raise ValueError(f"unknown side {side!r}")
        """,
        """
        def check(candidate):
            assert _close(candidate("long", 20_000.0, 18_000.0), 0.1)
            assert _close(candidate("short", 20_000.0, 21_000.0), 0.05)
            assert _raises(candidate, ValueError, "flat", 1.0, 1.0)
        """,
        [
            """
            if side == "long":
                return (entry - liquidation_price) / liquidation_price
            return (liquidation_price - entry) / liquidation_price
            """,
            """
            return abs(entry - liquidation_price) / entry
            """,
        ],
    ),
]
