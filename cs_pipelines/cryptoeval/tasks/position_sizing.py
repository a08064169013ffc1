"""Position sizing: fixed fractional, Kelly, volatility targeting, leverage and lot limits."""

from cs_pipelines.cryptoeval.task import spec

SPECS = [
    spec(
        "fixed_fractional_size",
        "easy",
        '''
        def fixed_fractional_size(
            equity: float, risk_fraction: float, entry: float, stop: float
        ) -> float:
            """Quantity (in coins) so that hitting the stop loses ``risk_fraction`` of equity.

            ``quantity = equity * risk_fraction / abs(entry - stop)``; works for longs (stop below
            entry) and shorts (stop above entry) and is always non-negative. Raise ``ValueError``
            if ``entry == stop``.

            >>> round(fixed_fractional_size(10_000.0, 0.01, 50_000.0, 49_000.0), 6)
            0.1
            """
        ''',
        """
        if entry == stop:
            raise ValueError("stop must differ from entry")
        return equity * risk_fraction / abs(entry - stop)
        """,
        """
        def check(candidate):
            assert _close(candidate(10_000.0, 0.01, 50_000.0, 49_000.0), 0.1)
            assert _close(candidate(10_000.0, 0.02, 2_000.0, 2_100.0), 2.0)
            assert _raises(candidate, ValueError, 1.0, 0.01, 5.0, 5.0)
        """,
        [
            """
            if entry == stop:
                raise ValueError("stop must differ from entry")
            return equity * risk_fraction / entry
            """,
            """
            if entry == stop:
                raise ValueError("stop must differ from entry")
            return equity * risk_fraction / (entry - stop)
            """,
        ],
    ),
    spec(
        "risk_size_with_fees",
        "medium",
        '''
        def risk_size_with_fees(
            equity: float, risk_fraction: float, entry: float, stop: float, taker_fee: float
        ) -> float:
            """Quantity whose stop-out loss, *including taker fees on entry and exit*, equals
            ``equity * risk_fraction``.

            Loss per coin is ``abs(entry - stop) + taker_fee * (entry + stop)``: the fee is paid
            on the entry notional and again on the exit (stop) notional.

            >>> round(risk_size_with_fees(10_000.0, 0.01, 100.0, 90.0, 0.001), 6)
            9.813543
            """
        ''',
        """
        per_unit = abs(entry - stop) + taker_fee * (entry + stop)
        return equity * risk_fraction / per_unit
        """,
        """
        def check(candidate):
            assert _close(candidate(10_000.0, 0.01, 100.0, 90.0, 0.001), 100.0 / 10.19)
            assert _close(candidate(10_000.0, 0.01, 100.0, 110.0, 0.0005), 100.0 / 10.105)
            assert _close(candidate(1_000.0, 0.05, 20.0, 19.0, 0.0), 50.0)
        """,
        [
            """
            per_unit = abs(entry - stop) + taker_fee * entry
            return equity * risk_fraction / per_unit
            """,
            """
            per_unit = abs(entry - stop)
            return equity * risk_fraction / per_unit * (1 - taker_fee)
            """,
        ],
        fix="risk_size_with_fees(10_000.0, 0.01, 100.0, 90.0, 0.001) returns 9.90 coins, so a "
        "stop-out loses more than 1% of equity once the exit fee is paid.",
    ),
    spec(
        "kelly_fraction",
        "easy",
        '''
        def kelly_fraction(win_prob: float, win_loss_ratio: float) -> float:
            """Kelly fraction for a binary bet: ``p - (1 - p) / b`` floored at 0 (never short a
            bet with negative edge).

            ``win_prob`` is ``p`` and ``win_loss_ratio`` is ``b`` = average win / average loss.

            >>> round(kelly_fraction(0.6, 1.0), 6)
            0.2
            """
        ''',
        """
        return max(0.0, win_prob - (1.0 - win_prob) / win_loss_ratio)
        """,
        """
        def check(candidate):
            assert _close(candidate(0.6, 1.0), 0.2)
            assert _close(candidate(0.5, 2.0), 0.25)
            assert _close(candidate(0.3, 1.0), 0.0, abs_tol=1e-12)
        """,
        [
            """
            return max(0.0, win_prob - (1.0 - win_prob) * win_loss_ratio)
            """,
            """
            return win_prob - (1.0 - win_prob) / win_loss_ratio
            """,
        ],
    ),
    spec(
        "kelly_from_trades",
        "medium",
        '''
        def kelly_from_trades(pnls: list[float]) -> float:
            """Estimate the Kelly fraction from a trade history.

            ``p`` is the share of trades with ``pnl > 0``; ``b`` is the *average* winning pnl
            divided by the *average* absolute losing pnl (trades with ``pnl <= 0`` are losses).
            Return ``max(0, p - (1 - p) / b)``; 0.0 for no trades or no wins, 1.0 when there are
            wins but no losses.

            >>> round(kelly_from_trades([10, 10, -5, 20, -10]), 6)
            0.375
            """
        ''',
        """
        if not pnls:
            return 0.0
        wins = [x for x in pnls if x > 0]
        losses = [-x for x in pnls if x <= 0]
        if not wins:
            return 0.0
        if not losses:
            return 1.0
        p = len(wins) / len(pnls)
        b = (sum(wins) / len(wins)) / (sum(losses) / len(losses))
        return max(0.0, p - (1 - p) / b)
        """,
        """
        def check(candidate):
            assert _close(candidate([10, 10, -5, 20, -10]), 0.375)
            assert _close(candidate([]), 0.0, abs_tol=1e-12)
            assert _close(candidate([-1, -2]), 0.0, abs_tol=1e-12)
            assert _close(candidate([3, 4]), 1.0)
            assert _close(candidate([1, -3]), 0.0, abs_tol=1e-12)
        """,
        [
            """
            if not pnls:
                return 0.0
            wins = [x for x in pnls if x > 0]
            losses = [-x for x in pnls if x <= 0]
            if not wins:
                return 0.0
            if not losses:
                return 1.0
            p = len(wins) / len(pnls)
            b = sum(wins) / sum(losses)
            return max(0.0, p - (1 - p) / b)
            """,
        ],
    ),
    spec(
        "fractional_kelly_leverage",
        "medium",
        '''
        def fractional_kelly_leverage(
            mean_excess_return: float,
            variance: float,
            fraction: float = 0.5,
            max_leverage: float = 3.0,
        ) -> float:
            """Continuous-time Kelly leverage ``mu / sigma**2`` scaled by ``fraction``.

            ``mean_excess_return`` and ``variance`` are per period (same units). The result is
            clipped to ``[-max_leverage, max_leverage]``. Raise ``ValueError`` if
            ``variance <= 0``.

            >>> round(fractional_kelly_leverage(0.001, 0.0004), 6)
            1.25
            """
        ''',
        """
        if variance <= 0:
            raise ValueError("variance must be positive")
        lev = fraction * mean_excess_return / variance
        return max(-max_leverage, min(max_leverage, lev))
        """,
        """
        def check(candidate):
            assert _close(candidate(0.001, 0.0004), 1.25)
            assert _close(candidate(0.001, 0.0004, fraction=1.0), 2.5)
            assert _close(candidate(0.004, 0.0004), 3.0)
            assert _close(candidate(-0.004, 0.0004, 1.0, 2.0), -2.0)
            assert _raises(candidate, ValueError, 0.001, 0.0)
        """,
        [
            """
            if variance <= 0:
                raise ValueError("variance must be positive")
            lev = fraction * mean_excess_return / variance ** 0.5
            return max(-max_leverage, min(max_leverage, lev))
            """,
            """
            if variance <= 0:
                raise ValueError("variance must be positive")
            lev = fraction * mean_excess_return / variance
            return max(0.0, min(max_leverage, lev))
            """,
        ],
    ),
    spec(
        "vol_target_leverage",
        "medium",
        '''
        import math


        def vol_target_leverage(
            daily_returns: list[float], target_vol_annual: float, max_leverage: float
        ) -> float:
            """Leverage that scales a strategy to a target annualised volatility.

            Realised annual volatility is the sample standard deviation (``n - 1``) of
            ``daily_returns`` times ``sqrt(365)`` (crypto trades 365 days a year). Leverage is
            ``target_vol_annual / realised``, capped at ``max_leverage``; if realised volatility
            is 0, return ``max_leverage``.

            >>> round(vol_target_leverage([0.01, -0.01, 0.02, 0.0], 0.2, 3.0), 6)
            0.810885
            """
        ''',
        """
        n = len(daily_returns)
        mean = sum(daily_returns) / n
        sd = math.sqrt(sum((r - mean) ** 2 for r in daily_returns) / (n - 1))
        realised = sd * math.sqrt(365)
        if realised == 0:
            return max_leverage
        return min(max_leverage, target_vol_annual / realised)
        """,
        """
        def check(candidate):
            r = [0.01, -0.01, 0.02, 0.0]
            vol = math.sqrt(5e-4 / 3) * math.sqrt(365)
            assert _close(candidate(r, 0.2, 3.0), 0.2 / vol)
            assert _close(candidate(r, 0.5, 3.0), 0.5 / vol)
            assert _close(candidate(r, 1.0, 2.0), 2.0)
            assert _close(candidate([0.01, 0.01], 0.5, 1.5), 1.5)
        """,
        [
            """
            n = len(daily_returns)
            mean = sum(daily_returns) / n
            sd = math.sqrt(sum((r - mean) ** 2 for r in daily_returns) / (n - 1))
            realised = sd * math.sqrt(252)
            if realised == 0:
                return max_leverage
            return min(max_leverage, target_vol_annual / realised)
            """,
            """
            n = len(daily_returns)
            mean = sum(daily_returns) / n
            sd = math.sqrt(sum((r - mean) ** 2 for r in daily_returns) / (n - 1))
            realised = sd * math.sqrt(365)
            if realised == 0:
                return max_leverage
            return target_vol_annual / realised
            """,
        ],
        fix="vol_target_leverage([0.01, -0.01, 0.02, 0.0], 0.2, 3.0) returns 0.9759 instead of "
        "0.8109: the realised volatility is annualised with the equity-market day count.",
    ),
    spec(
        "inverse_vol_weights",
        "easy",
        '''
        def inverse_vol_weights(vols: dict[str, float]) -> dict[str, float]:
            """Portfolio weights proportional to ``1 / volatility`` that sum to 1.

            >>> inverse_vol_weights({"BTC": 0.5, "ETH": 1.0})
            {'BTC': 0.6666666666666666, 'ETH': 0.3333333333333333}
            """
        ''',
        """
        inv = {k: 1.0 / v for k, v in vols.items()}
        total = sum(inv.values())
        return {k: x / total for k, x in inv.items()}
        """,
        """
        def check(candidate):
            assert _close(candidate({"BTC": 0.5, "ETH": 1.0}), {"BTC": 2 / 3, "ETH": 1 / 3})
            got = candidate({"A": 0.2, "B": 0.4, "C": 0.8})
            assert _close(got, {"A": 4 / 7, "B": 2 / 7, "C": 1 / 7})
        """,
        [
            """
            total = sum(vols.values())
            return {k: v / total for k, v in vols.items()}
            """,
            """
            inv = {k: 1.0 / v**2 for k, v in vols.items()}
            total = sum(inv.values())
            return {k: x / total for k, x in inv.items()}
            """,
        ],
    ),
    spec(
        "max_contracts",
        "medium",
        '''
        import math


        def max_contracts(
            balance: float, leverage: float, price: float, contract_size: float, taker_fee: float
        ) -> int:
            """Largest whole number of linear-perpetual contracts a market order can open.

            Each contract needs initial margin ``price * contract_size / leverage`` plus the
            taker fee ``price * contract_size * taker_fee``; the total must not exceed
            ``balance``. Round *down* (an order that is one contract too big is rejected).

            >>> max_contracts(1000.0, 10.0, 20_000.0, 0.001, 0.0006)
            497
            """
        ''',
        """
        per_contract = price * contract_size * (1.0 / leverage + taker_fee)
        return int(math.floor(balance / per_contract + 1e-12))
        """,
        """
        def check(candidate):
            assert candidate(1000.0, 10.0, 20_000.0, 0.001, 0.0006) == 497
            assert candidate(1001.0, 10.0, 20_000.0, 0.001, 0.0006) == 497
            assert candidate(100.0, 1.0, 50.0, 1.0, 0.0) == 2
            assert candidate(1.0, 5.0, 20_000.0, 0.001, 0.0005) == 0
        """,
        [
            """
            per_contract = price * contract_size / leverage
            return int(math.floor(balance / per_contract + 1e-12))
            """,
            """
            per_contract = price * contract_size * (1.0 / leverage + taker_fee)
            return int(round(balance / per_contract))
            """,
        ],
    ),
    spec(
        "atr_position_size",
        "medium",
        '''
        import math


        def atr_position_size(
            equity: float, risk_fraction: float, atr: float, atr_multiple: float, lot_step: float
        ) -> float:
            """Size a position so that a stop ``atr_multiple * atr`` away risks ``risk_fraction``
            of equity, rounded *down* to a multiple of ``lot_step``.

            Raw size is ``equity * risk_fraction / (atr * atr_multiple)``; the number of lots is
            ``math.floor(raw / lot_step + 1e-9)`` (the epsilon absorbs float noise) and the
            result is ``round(lots * lot_step, 10)``.

            >>> atr_position_size(10_000.0, 0.01, 120.0, 2.0, 0.001)
            0.416
            """
        ''',
        """
        raw = equity * risk_fraction / (atr * atr_multiple)
        lots = math.floor(raw / lot_step + 1e-9)
        return round(lots * lot_step, 10)
        """,
        """
        def check(candidate):
            assert _close(candidate(10_000.0, 0.01, 120.0, 2.0, 0.001), 0.416)
            assert _close(candidate(10_000.0, 0.01, 100.0, 2.0, 0.1), 0.5)
            assert _close(candidate(1_000.0, 0.03, 10.0, 1.0, 1.0), 3.0)
            assert _close(candidate(1_000.0, 0.03, 50.0, 2.0, 0.1), 0.3)
            assert _close(candidate(100.0, 0.01, 500.0, 3.0, 0.01), 0.0, abs_tol=1e-12)
        """,
        [
            """
            raw = equity * risk_fraction / (atr * atr_multiple)
            return round(round(raw / lot_step) * lot_step, 10)
            """,
            """
            raw = equity * risk_fraction / atr
            lots = math.floor(raw / lot_step + 1e-9)
            return round(lots * lot_step, 10)
            """,
            """
            raw = equity * risk_fraction / (atr * atr_multiple)
            lots = math.floor(raw / lot_step)
            return round(lots * lot_step, 10)
            """,
        ],
    ),
    spec(
        "max_safe_leverage",
        "hard",
        '''
        def max_safe_leverage(
            side: str, entry: float, stop: float, mmr: float, max_leverage: int = 125
        ) -> int:
            """Largest whole leverage (1..max_leverage) whose isolated-margin liquidation price
            lies strictly *beyond* the stop, so the stop triggers before liquidation.

            Liquidation price for leverage ``L`` (linear perpetual, fees ignored):
            long ``entry * (1 - 1/L) / (1 - mmr)``, short ``entry * (1 + 1/L) / (1 + mmr)``.
            Long needs ``liq < stop``, short needs ``liq > stop``. Return 0 if no leverage in
            range qualifies.

            >>> max_safe_leverage("long", 100.0, 95.0, 0.005)
            18
            """
        ''',
        """
        for lev in range(max_leverage, 0, -1):
            if side == "long":
                liq = entry * (1 - 1 / lev) / (1 - mmr)
                if liq < stop:
                    return lev
            elif side == "short":
                liq = entry * (1 + 1 / lev) / (1 + mmr)
                if liq > stop:
                    return lev
            else:
                raise ValueError(f"unknown side {side!r}")
        return 0
        """,
        """
        def check(candidate):
            assert candidate("long", 100.0, 95.0, 0.005) == 18
            assert candidate("short", 100.0, 105.0, 0.005) == 18
            assert candidate("long", 100.0, 95.0, 0.005, 10) == 10
            assert candidate("short", 100.0, 100.5, 0.01) == 66
            assert candidate("long", 100.0, 80.0, 0.0) == 4
        """,
        [
            """
            for lev in range(max_leverage, 0, -1):
                if side == "long":
                    if entry * (1 - 1 / lev) < stop:
                        return lev
                elif entry * (1 + 1 / lev) > stop:
                    return lev
            return 0
            """,
            """
            for lev in range(max_leverage, 0, -1):
                if side == "long":
                    liq = entry * (1 - 1 / lev) / (1 - mmr)
                    if liq <= stop:
                        return lev
                else:
                    liq = entry * (1 + 1 / lev) / (1 + mmr)
                    if liq >= stop:
                        return lev
            return 0
            """,
            """
            for lev in range(1, max_leverage + 1):
                if side == "long":
                    liq = entry * (1 - 1 / lev) / (1 - mmr)
                    if liq < stop:
                        return lev
                else:
                    liq = entry * (1 + 1 / lev) / (1 + mmr)
                    if liq > stop:
                        return lev
            return 0
            """,
        ],
    ),
    spec(
        "scale_to_max_gross",
        "easy",
        '''
        def scale_to_max_gross(weights: dict[str, float], max_gross: float) -> dict[str, float]:
            """Scale long/short weights down (never up) so gross exposure
            ``sum(abs(w))`` is at most ``max_gross``; keep their proportions.

            >>> scale_to_max_gross({"BTC": 1.0, "ETH": -1.0}, 1.5)
            {'BTC': 0.75, 'ETH': -0.75}
            """
        ''',
        """
        gross = sum(abs(w) for w in weights.values())
        if gross <= max_gross:
            return dict(weights)
        f = max_gross / gross
        return {k: w * f for k, w in weights.items()}
        """,
        """
        def check(candidate):
            assert _close(candidate({"BTC": 1.0, "ETH": -1.0}, 1.5), {"BTC": 0.75, "ETH": -0.75})
            assert _close(candidate({"BTC": 0.5, "ETH": 0.25}, 1.0), {"BTC": 0.5, "ETH": 0.25})
            got = candidate({"A": 2.0, "B": 1.0, "C": -1.0}, 2.0)
            assert _close(got, {"A": 1.0, "B": 0.5, "C": -0.5})
        """,
        [
            """
            net = sum(weights.values())
            if abs(net) <= max_gross:
                return dict(weights)
            f = max_gross / abs(net)
            return {k: w * f for k, w in weights.items()}
            """,
            """
            gross = sum(abs(w) for w in weights.values())
            f = max_gross / gross
            return {k: w * f for k, w in weights.items()}
            """,
        ],
    ),
    spec(
        "portfolio_vol_target_weights",
        "hard",
        '''
        import math


        def portfolio_vol_target_weights(
            weights: list[float],
            daily_cov: list[list[float]],
            target_vol_annual: float,
            max_gross: float,
        ) -> list[float]:
            """Scale portfolio weights so the *portfolio* hits a target annualised volatility.

            Portfolio daily variance is ``w' C w`` with the full daily covariance matrix ``C``
            (correlations matter, not only the diagonal); annualise with ``sqrt(365)``. Scale
            all weights by ``target / annual_vol``, then, if gross exposure ``sum(abs(w))``
            exceeds ``max_gross``, scale down to ``max_gross``. Zero volatility returns the
            weights scaled to ``max_gross`` gross.

            >>> [round(x, 6) for x in portfolio_vol_target_weights([1.0], [[0.0001]], 0.3, 5.0)]
            [1.570272]
            """
        ''',
        """
        n = len(weights)
        var = sum(weights[i] * daily_cov[i][j] * weights[j] for i in range(n) for j in range(n))
        vol = math.sqrt(var * 365)
        gross = sum(abs(w) for w in weights)
        if vol == 0:
            return [w * max_gross / gross for w in weights]
        scaled = [w * target_vol_annual / vol for w in weights]
        g = sum(abs(w) for w in scaled)
        if g > max_gross:
            scaled = [w * max_gross / g for w in scaled]
        return scaled
        """,
        """
        def check(candidate):
            cov = [[0.0004, 0.0002], [0.0002, 0.0009]]
            f = 0.2 / math.sqrt(0.000425 * 365)
            assert _close(candidate([0.5, 0.5], cov, 0.2, 3.0), [0.5 * f, 0.5 * f])
            assert _close(candidate([0.5, 0.5], cov, 2.0, 3.0), [1.5, 1.5])
            f = 0.2 / math.sqrt(0.0001 * 365)
            got = candidate([1.0, -1.0], [[0.0001, 0.0], [0.0, 0.0001]], 0.2, 9.0)
            assert _close(got, [f / math.sqrt(2), -f / math.sqrt(2)])
        """,
        [
            """
            n = len(weights)
            var = sum(weights[i] ** 2 * daily_cov[i][i] for i in range(n))
            vol = math.sqrt(var * 365)
            gross = sum(abs(w) for w in weights)
            if vol == 0:
                return [w * max_gross / gross for w in weights]
            scaled = [w * target_vol_annual / vol for w in weights]
            g = sum(abs(w) for w in scaled)
            if g > max_gross:
                scaled = [w * max_gross / g for w in scaled]
            return scaled
            """,
            """
            n = len(weights)
            var = sum(weights[i] * daily_cov[i][j] * weights[j] for i in range(n) for j in range(n))
            vol = math.sqrt(var * 252)
            gross = sum(abs(w) for w in weights)
            if vol == 0:
                return [w * max_gross / gross for w in weights]
            scaled = [w * target_vol_annual / vol for w in weights]
            g = sum(abs(w) for w in scaled)
            if g > max_gross:
                scaled = [w * max_gross / g for w in scaled]
            return scaled
            """,
            """
            n = len(weights)
            var = sum(weights[i] * daily_cov[i][j] * weights[j] for i in range(n) for j in range(n))
            vol = math.sqrt(var * 365)
            scaled = [w * target_vol_annual / vol for w in weights]
            return [max(-max_gross, min(max_gross, w)) for w in scaled]
            """,
        ],
    ),
    spec(
        "risk_of_ruin",
        "medium",
        '''
        def risk_of_ruin(win_prob: float, units: int) -> float:
            """Probability of losing ``units`` betting units before ever getting ahead for good,
            for repeated even-money bets (gambler's ruin against an unbounded opponent).

            ``((1 - p) / p) ** units`` when ``p > 0.5``; with no edge (``p <= 0.5``) ruin is
            certain: 1.0.

            >>> round(risk_of_ruin(0.6, 10), 6)
            0.017342
            """
        ''',
        """
        if win_prob <= 0.5:
            return 1.0
        return ((1.0 - win_prob) / win_prob) ** units
        """,
        """
        def check(candidate):
            assert _close(candidate(0.6, 10), (2.0 / 3.0) ** 10)
            assert _close(candidate(0.55, 20), (0.45 / 0.55) ** 20)
            assert _close(candidate(0.5, 5), 1.0)
            assert _close(candidate(0.4, 5), 1.0)
        """,
        [
            """
            return (1.0 - win_prob) ** units
            """,
            """
            return ((1.0 - win_prob) / win_prob) ** units
            """,
        ],
    ),
    spec(
        "basis_trade_qty",
        "medium",
        '''
        def basis_trade_qty(
            capital: float, spot_price: float, perp_price: float, leverage: float
        ) -> float:
            """Coin quantity of a delta-neutral cash-and-carry trade (long spot, short perp).

            The spot leg is fully paid (``q * spot_price``) and the short perpetual leg of the
            same ``q`` needs initial margin ``q * perp_price / leverage``; both come out of
            ``capital``. Return the ``q`` that uses exactly all of it.

            >>> round(basis_trade_qty(10_000.0, 20_000.0, 20_100.0, 5.0), 6)
            0.41632
            """
        ''',
        """
        return capital / (spot_price + perp_price / leverage)
        """,
        """
        def check(candidate):
            assert _close(candidate(10_000.0, 20_000.0, 20_100.0, 5.0), 10_000.0 / 24_020.0)
            assert _close(candidate(3_000.0, 1_000.0, 1_000.0, 2.0), 2.0)
        """,
        [
            """
            return capital / spot_price
            """,
            """
            return capital / (spot_price + perp_price * leverage)
            """,
        ],
    ),
    spec(
        "kelly_leverage_from_sharpe",
        "easy",
        '''
        def kelly_leverage_from_sharpe(sharpe_annual: float, vol_annual: float) -> float:
            """Growth-optimal (full Kelly) leverage for a strategy with annualised Sharpe ratio
            ``S`` and volatility ``sigma``: ``mu / sigma**2 = S / sigma``.

            >>> round(kelly_leverage_from_sharpe(1.0, 0.5), 6)
            2.0
            """
        ''',
        """
        return sharpe_annual / vol_annual
        """,
        """
        def check(candidate):
            assert _close(candidate(1.0, 0.5), 2.0)
            assert _close(candidate(1.5, 0.8), 1.875)
        """,
        [
            """
            return sharpe_annual * vol_annual
            """,
            """
            return sharpe_annual / vol_annual**2
            """,
        ],
    ),
]
