"""Returns and risk metrics. Crypto trades every day: annualisation uses 365 periods per year."""

from cs_pipelines.cryptoeval.task import spec

SPECS = [
    spec(
        "simple_returns",
        "easy",
        '''
        import math


        def simple_returns(prices: list[float]) -> list[float]:
            """Simple (arithmetic) returns ``prices[i] / prices[i - 1] - 1`` for ``i >= 1``.

            The result has ``len(prices) - 1`` entries (no leading placeholder); fewer than two
            prices give an empty list.

            >>> [round(r, 6) for r in simple_returns([100.0, 110.0, 99.0])]
            [0.1, -0.1]
            """
        ''',
        """
        return [prices[i] / prices[i - 1] - 1.0 for i in range(1, len(prices))]
        """,
        """
        def check(candidate):
            assert _close(candidate([100.0, 110.0, 99.0]), [0.1, -0.1])
            assert _close(candidate([50.0, 25.0]), [-0.5])
            assert _close(candidate([50.0]), [])
        """,
        [
            """
            return [math.log(prices[i] / prices[i - 1]) for i in range(1, len(prices))]
            """,
            """
            return [prices[i - 1] / prices[i] - 1.0 for i in range(1, len(prices))]
            """,
        ],
    ),
    spec(
        "log_returns",
        "easy",
        '''
        import math


        def log_returns(prices: list[float]) -> list[float]:
            """Log returns ``ln(prices[i] / prices[i - 1])`` for ``i >= 1``.

            The result has ``len(prices) - 1`` entries. Raise ``ValueError`` if any price is
            not strictly positive.

            >>> [round(r, 6) for r in log_returns([100.0, 110.0, 99.0])]
            [0.09531, -0.105361]
            """
        ''',
        """
        if any(p <= 0 for p in prices):
            raise ValueError("prices must be positive")
        return [math.log(prices[i] / prices[i - 1]) for i in range(1, len(prices))]
        """,
        """
        def check(candidate):
            assert _close(candidate([100.0, 110.0, 99.0]), [math.log(1.1), math.log(0.9)])
            r = candidate([1.0, 2.0, 1.0])
            assert _close(sum(r), 0.0, abs_tol=1e-12)
            assert _raises(candidate, ValueError, [1.0, 0.0])
        """,
        [
            """
            if any(p <= 0 for p in prices):
                raise ValueError("prices must be positive")
            return [prices[i] / prices[i - 1] - 1.0 for i in range(1, len(prices))]
            """,
            """
            if any(p <= 0 for p in prices):
                raise ValueError("prices must be positive")
            return [0.0] + [math.log(prices[i] / prices[i - 1]) for i in range(1, len(prices))]
            """,
        ],
        fix="log_returns([100.0, 110.0]) returns [0.10000000000000009] instead of "
        "[0.09531017980432493].",
    ),
    spec(
        "annualized_volatility",
        "easy",
        '''
        import math


        def annualized_volatility(returns: list[float], periods_per_year: int = 365) -> float:
            """Annualised volatility of periodic returns.

            Sample standard deviation (divide by ``n - 1``) times ``sqrt(periods_per_year)``.
            Crypto trades every day, so daily returns use the default of 365 (not 252).
            Raise ``ValueError`` for fewer than two returns.

            >>> round(annualized_volatility([0.01, -0.01, 0.02, 0.0]), 6)
            0.246644
            """
        ''',
        """
        n = len(returns)
        if n < 2:
            raise ValueError("need at least two returns")
        mean = sum(returns) / n
        var = sum((r - mean) ** 2 for r in returns) / (n - 1)
        return math.sqrt(var) * math.sqrt(periods_per_year)
        """,
        """
        def check(candidate):
            r = [0.01, -0.01, 0.02, 0.0]
            assert _close(candidate(r), math.sqrt(5e-4 / 3) * math.sqrt(365))
            assert _close(candidate(r, 24 * 365), math.sqrt(5e-4 / 3) * math.sqrt(8760))
            assert _close(candidate([0.01, 0.01]), 0.0, abs_tol=1e-12)
            assert _raises(candidate, ValueError, [0.01])
        """,
        [
            """
            n = len(returns)
            if n < 2:
                raise ValueError("need at least two returns")
            mean = sum(returns) / n
            var = sum((r - mean) ** 2 for r in returns) / (n - 1)
            return math.sqrt(var) * math.sqrt(252)
            """,
            """
            n = len(returns)
            if n < 2:
                raise ValueError("need at least two returns")
            mean = sum(returns) / n
            var = sum((r - mean) ** 2 for r in returns) / n
            return math.sqrt(var) * math.sqrt(periods_per_year)
            """,
            """
            n = len(returns)
            if n < 2:
                raise ValueError("need at least two returns")
            mean = sum(returns) / n
            var = sum((r - mean) ** 2 for r in returns) / (n - 1)
            return var * periods_per_year
            """,
        ],
        fix="annualized_volatility([0.01, -0.01, 0.02, 0.0]) returns 0.2049 instead of 0.2466 "
        "for daily crypto returns.",
    ),
    spec(
        "realized_vol_from_prices",
        "medium",
        '''
        import math


        def realized_vol_from_prices(prices: list[float], bar_seconds: int) -> float:
            """Annualised realised volatility from a price series sampled every ``bar_seconds``.

            Use log returns, their sample standard deviation (``n - 1``), and scale by the
            square root of the number of bars in a 365-day year
            (``365 * 86400 / bar_seconds``; crypto trades around the clock).
            Raise ``ValueError`` if there are fewer than three prices.

            >>> round(realized_vol_from_prices([100.0, 101.0, 100.0, 102.0], 3600), 4)
            1.4186
            """
        ''',
        """
        if len(prices) < 3:
            raise ValueError("need at least three prices")
        r = [math.log(prices[i] / prices[i - 1]) for i in range(1, len(prices))]
        mean = sum(r) / len(r)
        var = sum((x - mean) ** 2 for x in r) / (len(r) - 1)
        return math.sqrt(var * 365 * 86400 / bar_seconds)
        """,
        """
        import statistics


        def check(candidate):
            p = [100.0, 101.0, 100.0, 102.0]
            r = [math.log(p[i] / p[i - 1]) for i in range(1, len(p))]
            assert _close(candidate(p, 3600), statistics.stdev(r) * math.sqrt(8760))
            assert _close(candidate(p, 86400), statistics.stdev(r) * math.sqrt(365))
            assert _close(candidate(p, 300), statistics.stdev(r) * math.sqrt(365 * 288))
            assert _raises(candidate, ValueError, [1.0, 2.0], 60)
        """,
        [
            """
            if len(prices) < 3:
                raise ValueError("need at least three prices")
            r = [prices[i] / prices[i - 1] - 1 for i in range(1, len(prices))]
            mean = sum(r) / len(r)
            var = sum((x - mean) ** 2 for x in r) / (len(r) - 1)
            return math.sqrt(var * 365 * 86400 / bar_seconds)
            """,
            """
            if len(prices) < 3:
                raise ValueError("need at least three prices")
            r = [math.log(prices[i] / prices[i - 1]) for i in range(1, len(prices))]
            mean = sum(r) / len(r)
            var = sum((x - mean) ** 2 for x in r) / (len(r) - 1)
            return math.sqrt(var * 252 * 86400 / bar_seconds)
            """,
        ],
    ),
    spec(
        "sharpe_ratio",
        "medium",
        '''
        import math


        def sharpe_ratio(
            returns: list[float], risk_free_annual: float = 0.0, periods_per_year: int = 365
        ) -> float:
            """Annualised Sharpe ratio of periodic (daily by default) returns.

            Excess returns are ``r - risk_free_annual / periods_per_year``. The ratio is
            ``mean(excess) / stdev(excess) * sqrt(periods_per_year)`` with the sample standard
            deviation (``n - 1``). Return ``nan`` when the standard deviation is 0 or there
            are fewer than two returns.

            >>> round(sharpe_ratio([0.01, 0.02, 0.0, 0.03]), 4)
            22.198
            """
        ''',
        """
        n = len(returns)
        if n < 2:
            return math.nan
        rf = risk_free_annual / periods_per_year
        ex = [r - rf for r in returns]
        mean = sum(ex) / n
        sd = math.sqrt(sum((x - mean) ** 2 for x in ex) / (n - 1))
        if sd == 0:
            return math.nan
        return mean / sd * math.sqrt(periods_per_year)
        """,
        """
        def check(candidate):
            r = [0.01, 0.02, 0.0, 0.03]
            sd = math.sqrt(5e-4 / 3)
            assert _close(candidate(r), 0.015 / sd * math.sqrt(365))
            assert _close(candidate(r, 0.0365), 0.0149 / sd * math.sqrt(365))
            assert _close(candidate(r, 0.0, 12), 0.015 / sd * math.sqrt(12))
            assert math.isnan(candidate([0.01, 0.01, 0.01]))
            assert math.isnan(candidate([0.01]))
        """,
        [
            """
            n = len(returns)
            if n < 2:
                return math.nan
            ex = [r - risk_free_annual for r in returns]
            mean = sum(ex) / n
            sd = math.sqrt(sum((x - mean) ** 2 for x in ex) / (n - 1))
            if sd == 0:
                return math.nan
            return mean / sd * math.sqrt(periods_per_year)
            """,
            """
            n = len(returns)
            if n < 2:
                return math.nan
            rf = risk_free_annual / 252
            ex = [r - rf for r in returns]
            mean = sum(ex) / n
            sd = math.sqrt(sum((x - mean) ** 2 for x in ex) / (n - 1))
            if sd == 0:
                return math.nan
            return mean / sd * math.sqrt(252)
            """,
            """
            n = len(returns)
            if n < 2:
                return math.nan
            rf = risk_free_annual / periods_per_year
            ex = [r - rf for r in returns]
            mean = sum(ex) / n
            sd = math.sqrt(sum((x - mean) ** 2 for x in ex) / (n - 1))
            if sd == 0:
                return math.nan
            return mean / sd * periods_per_year
            """,
        ],
        fix="sharpe_ratio([0.01, 0.02, 0.0, 0.03], 0.0365) is hugely negative; a 3.65% annual "
        "risk-free rate should barely move the ratio of these daily returns.",
    ),
    spec(
        "sortino_ratio",
        "hard",
        '''
        import math


        def sortino_ratio(
            returns: list[float], target: float = 0.0, periods_per_year: int = 365
        ) -> float:
            """Annualised Sortino ratio.

            ``mean(r - target) / downside_deviation * sqrt(periods_per_year)`` where the
            downside deviation is ``sqrt(mean(min(r - target, 0) ** 2))`` taken over *all*
            ``n`` observations (not only the losing ones). If the downside deviation is 0,
            return ``math.inf`` when the mean excess is positive and ``nan`` otherwise.

            >>> round(sortino_ratio([0.02, -0.01, 0.03, -0.02]), 4)
            8.544
            """
        ''',
        """
        n = len(returns)
        ex = [r - target for r in returns]
        mean = sum(ex) / n
        dd = math.sqrt(sum(min(x, 0.0) ** 2 for x in ex) / n)
        if dd == 0:
            return math.inf if mean > 0 else math.nan
        return mean / dd * math.sqrt(periods_per_year)
        """,
        """
        def check(candidate):
            r = [0.02, -0.01, 0.03, -0.02]
            assert _close(candidate(r), 0.005 / math.sqrt(1.25e-4) * math.sqrt(365))
            assert _close(candidate(r, 0.01, 12), -0.005 / math.sqrt(3.25e-4) * math.sqrt(12))
            assert candidate([0.01, 0.02]) == math.inf
            assert math.isnan(candidate([0.0, 0.0]))
        """,
        [
            """
            n = len(returns)
            ex = [r - target for r in returns]
            mean = sum(ex) / n
            neg = [x for x in ex if x < 0]
            if not neg:
                return math.inf if mean > 0 else math.nan
            dd = math.sqrt(sum(x * x for x in neg) / len(neg))
            return mean / dd * math.sqrt(periods_per_year)
            """,
            """
            n = len(returns)
            ex = [r - target for r in returns]
            mean = sum(ex) / n
            dd = math.sqrt(sum(min(x, 0.0) ** 2 for x in ex) / n)
            if dd == 0:
                return math.inf if mean > 0 else math.nan
            return mean / dd * math.sqrt(252)
            """,
            """
            n = len(returns)
            ex = [r - target for r in returns]
            mean = sum(ex) / n
            sd = math.sqrt(sum((x - mean) ** 2 for x in ex) / (n - 1))
            if sd == 0:
                return math.inf if mean > 0 else math.nan
            return mean / sd * math.sqrt(periods_per_year)
            """,
        ],
        fix="sortino_ratio([0.02, -0.01, 0.03, -0.02]) returns 6.04 instead of 8.54: the "
        "downside deviation is averaged over the losing periods only.",
    ),
    spec(
        "max_drawdown",
        "easy",
        '''
        def max_drawdown(equity: list[float]) -> float:
            """Maximum peak-to-trough drawdown of an equity curve, as a positive fraction.

            For every point, drawdown is ``(running_peak - value) / running_peak`` where the
            running peak includes the current point; return the largest (0.0 for an empty or
            never-falling curve).

            >>> round(max_drawdown([100.0, 120.0, 90.0, 110.0, 80.0, 130.0]), 6)
            0.333333
            """
        ''',
        """
        peak = None
        worst = 0.0
        for v in equity:
            peak = v if peak is None else max(peak, v)
            worst = max(worst, (peak - v) / peak)
        return worst
        """,
        """
        def check(candidate):
            assert _close(candidate([100.0, 120.0, 90.0, 110.0, 80.0, 130.0]), 40.0 / 120.0)
            assert _close(candidate([1.0, 2.0, 3.0]), 0.0, abs_tol=1e-12)
            assert _close(candidate([]), 0.0, abs_tol=1e-12)
            assert _close(candidate([10.0, 5.0, 20.0, 15.0]), 0.5)
        """,
        [
            """
            if not equity:
                return 0.0
            return (max(equity) - min(equity)) / max(equity)
            """,
            """
            peak = None
            worst = 0.0
            for v in equity:
                peak = v if peak is None else max(peak, v)
                worst = max(worst, (peak - v) / v)
            return worst
            """,
        ],
    ),
    spec(
        "max_drawdown_from_returns",
        "medium",
        '''
        def max_drawdown_from_returns(returns: list[float]) -> float:
            """Maximum drawdown (positive fraction) of an equity curve built from returns.

            Equity starts at 1.0 *before* the first return and compounds:
            ``e[t] = e[t-1] * (1 + returns[t])``. The initial 1.0 counts as a peak.

            >>> round(max_drawdown_from_returns([-0.1, 0.05, -0.2]), 6)
            0.244
            """
        ''',
        """
        equity = 1.0
        peak = 1.0
        worst = 0.0
        for r in returns:
            equity *= 1.0 + r
            peak = max(peak, equity)
            worst = max(worst, (peak - equity) / peak)
        return worst
        """,
        """
        def check(candidate):
            assert _close(candidate([-0.1, 0.05, -0.2]), 0.244)
            assert _close(candidate([0.5, -0.5]), 0.5)
            assert _close(candidate([0.1, 0.1]), 0.0, abs_tol=1e-12)
            assert _close(candidate([]), 0.0, abs_tol=1e-12)
        """,
        [
            """
            equity = 1.0
            peak = 1.0
            worst = 0.0
            for r in returns:
                equity += r
                peak = max(peak, equity)
                worst = max(worst, (peak - equity) / peak)
            return worst
            """,
            """
            equity = 1.0
            peak = None
            worst = 0.0
            for r in returns:
                equity *= 1.0 + r
                peak = equity if peak is None else max(peak, equity)
                worst = max(worst, (peak - equity) / peak)
            return worst
            """,
        ],
        fix="max_drawdown_from_returns([-0.1, 0.05, -0.2]) returns 0.25 instead of 0.244: the "
        "returns are added up instead of compounded.",
    ),
    spec(
        "longest_drawdown_duration",
        "medium",
        '''
        def longest_drawdown_duration(equity: list[float]) -> int:
            """Length, in bars, of the longest underwater stretch of an equity curve.

            A bar is underwater when its value is strictly below the running peak of all earlier
            values (equal to the peak counts as recovered). Return the largest number of
            consecutive underwater bars; a stretch still open at the end counts.

            >>> longest_drawdown_duration([100, 90, 95, 100, 99, 98, 97, 101])
            3
            """
        ''',
        """
        peak = None
        run = best = 0
        for v in equity:
            if peak is not None and v < peak:
                run += 1
                best = max(best, run)
            else:
                run = 0
                peak = v if peak is None else max(peak, v)
        return best
        """,
        """
        def check(candidate):
            assert candidate([100, 90, 95, 100, 99, 98, 97, 101]) == 3
            assert candidate([5, 4, 3, 2]) == 3
            assert candidate([1, 2, 3]) == 0
            assert candidate([]) == 0
            assert candidate([10, 9, 10, 9, 8, 11]) == 2
        """,
        [
            """
            peak = None
            run = best = 0
            for v in equity:
                if peak is not None and v <= peak:
                    run += 1
                    best = max(best, run)
                else:
                    run = 0
                    peak = v if peak is None else max(peak, v)
            return best
            """,
            """
            peak = None
            run = best = 0
            for v in equity:
                if peak is not None and v < peak:
                    run += 1
                else:
                    best = max(best, run)
                    run = 0
                    peak = v if peak is None else max(peak, v)
            return best
            """,
        ],
    ),
    spec(
        "cagr",
        "easy",
        '''
        def cagr(start_value: float, end_value: float, days: float) -> float:
            """Compound annual growth rate over ``days`` calendar days (365-day crypto year).

            ``(end_value / start_value) ** (365 / days) - 1``. Raise ``ValueError`` if
            ``days <= 0`` or ``start_value <= 0``.

            >>> round(cagr(100.0, 121.0, 730), 6)
            0.1
            """
        ''',
        """
        if days <= 0 or start_value <= 0:
            raise ValueError("days and start_value must be positive")
        return (end_value / start_value) ** (365.0 / days) - 1.0
        """,
        """
        def check(candidate):
            assert _close(candidate(100.0, 121.0, 730), 0.1)
            assert _close(candidate(100.0, 50.0, 365), -0.5)
            assert _close(candidate(100.0, 110.0, 182.5), 0.21)
            assert _raises(candidate, ValueError, 100.0, 110.0, 0)
        """,
        [
            """
            if days <= 0 or start_value <= 0:
                raise ValueError("days and start_value must be positive")
            return (end_value / start_value) ** (252.0 / days) - 1.0
            """,
            """
            if days <= 0 or start_value <= 0:
                raise ValueError("days and start_value must be positive")
            return (end_value / start_value - 1.0) * 365.0 / days
            """,
        ],
    ),
    spec(
        "calmar_ratio",
        "medium",
        '''
        import math


        def calmar_ratio(equity: list[float], periods_per_year: int = 365) -> float:
            """Calmar ratio: CAGR divided by maximum drawdown.

            ``equity`` has one value per period (daily by default, 365 per year); it spans
            ``len(equity) - 1`` periods, so ``years = (len(equity) - 1) / periods_per_year`` and
            ``CAGR = (equity[-1] / equity[0]) ** (1 / years) - 1``. Max drawdown is the largest
            ``(running_peak - value) / running_peak``. If the max drawdown is 0 return
            ``math.inf``.

            >>> round(calmar_ratio([100.0, 80.0, 121.0], periods_per_year=2), 6)
            1.05
            """
        ''',
        """
        years = (len(equity) - 1) / periods_per_year
        growth = (equity[-1] / equity[0]) ** (1.0 / years) - 1.0
        peak = equity[0]
        mdd = 0.0
        for v in equity:
            peak = max(peak, v)
            mdd = max(mdd, (peak - v) / peak)
        return math.inf if mdd == 0 else growth / mdd
        """,
        """
        def check(candidate):
            assert _close(candidate([100.0, 80.0, 121.0], periods_per_year=2), 1.05)
            eq = [100.0] + [90.0] * 364 + [110.0]
            assert _close(candidate(eq), 1.0)
            assert candidate([1.0, 2.0, 3.0]) == math.inf
        """,
        [
            """
            years = len(equity) / periods_per_year
            growth = (equity[-1] / equity[0]) ** (1.0 / years) - 1.0
            peak = equity[0]
            mdd = 0.0
            for v in equity:
                peak = max(peak, v)
                mdd = max(mdd, (peak - v) / peak)
            return math.inf if mdd == 0 else growth / mdd
            """,
            """
            years = (len(equity) - 1) / 252
            growth = (equity[-1] / equity[0]) ** (1.0 / years) - 1.0
            peak = equity[0]
            mdd = 0.0
            for v in equity:
                peak = max(peak, v)
                mdd = max(mdd, (peak - v) / peak)
            return math.inf if mdd == 0 else growth / mdd
            """,
        ],
    ),
    spec(
        "historical_var",
        "medium",
        '''
        import math


        def historical_var(returns: list[float], alpha: float = 0.95) -> float:
            """Historical Value-at-Risk as a positive loss fraction.

            With ``n`` returns let ``k = max(1, math.floor(n * (1 - alpha) + 1e-9))`` (the small
            epsilon guards against ``10 * (1 - 0.8) == 1.9999999999999996``). VaR is minus the
            ``k``-th smallest return.

            >>> r = [-0.05, 0.01, -0.02, 0.03, -0.01, 0.02, 0.0, -0.03, 0.04, 0.01]
            >>> historical_var(r, 0.8)
            0.03
            """
        ''',
        """
        k = max(1, math.floor(len(returns) * (1 - alpha) + 1e-9))
        return -sorted(returns)[k - 1]
        """,
        """
        def check(candidate):
            r = [-0.05, 0.01, -0.02, 0.03, -0.01, 0.02, 0.0, -0.03, 0.04, 0.01]
            assert _close(candidate(r, 0.8), 0.03)
            assert _close(candidate(r, 0.9), 0.05)
            assert _close(candidate(r), 0.05)
            assert _close(candidate(r, 0.7), 0.02)
        """,
        [
            """
            k = max(1, math.floor(len(returns) * (1 - alpha)))
            return -sorted(returns)[k - 1]
            """,
            """
            k = max(1, math.floor(len(returns) * (1 - alpha) + 1e-9))
            return -sorted(returns)[k]
            """,
            """
            k = max(1, math.floor(len(returns) * (1 - alpha) + 1e-9))
            return sorted(returns)[k - 1]
            """,
        ],
        fix="historical_var(r, 0.8) for ten returns returns the worst return (0.05) instead of "
        "the second worst (0.03).",
    ),
    spec(
        "historical_cvar",
        "medium",
        '''
        import math


        def historical_cvar(returns: list[float], alpha: float = 0.95) -> float:
            """Historical CVaR (expected shortfall) as a positive loss fraction.

            With ``k = max(1, math.floor(n * (1 - alpha) + 1e-9))``, CVaR is minus the mean of
            the ``k`` smallest returns (the VaR observation itself included).

            >>> r = [-0.05, 0.01, -0.02, 0.03, -0.01, 0.02, 0.0, -0.03, 0.04, 0.01]
            >>> round(historical_cvar(r, 0.8), 6)
            0.04
            """
        ''',
        """
        k = max(1, math.floor(len(returns) * (1 - alpha) + 1e-9))
        worst = sorted(returns)[:k]
        return -sum(worst) / k
        """,
        """
        def check(candidate):
            r = [-0.05, 0.01, -0.02, 0.03, -0.01, 0.02, 0.0, -0.03, 0.04, 0.01]
            assert _close(candidate(r, 0.8), 0.04)
            assert _close(candidate(r, 0.7), 0.1 / 3)
            assert _close(candidate(r), 0.05)
        """,
        [
            """
            k = max(1, math.floor(len(returns) * (1 - alpha) + 1e-9))
            worst = sorted(returns)[: k + 1]
            return -sum(worst) / len(worst)
            """,
            """
            k = max(1, math.floor(len(returns) * (1 - alpha) + 1e-9))
            var = sorted(returns)[k - 1]
            tail = [r for r in returns if r < var] or [var]
            return -sum(tail) / len(tail)
            """,
        ],
    ),
    spec(
        "parametric_var",
        "medium",
        '''
        import math
        from statistics import NormalDist


        def parametric_var(
            returns: list[float], alpha: float = 0.99, horizon_days: int = 1
        ) -> float:
            """Gaussian (variance-covariance) VaR over ``horizon_days``, as a positive loss.

            With ``mu`` the mean and ``sigma`` the *sample* standard deviation of daily returns
            and ``z = NormalDist().inv_cdf(alpha)``:
            ``VaR = z * sigma * sqrt(horizon_days) - mu * horizon_days`` (square-root-of-time
            scaling for volatility, linear for the drift).

            >>> round(parametric_var([0.01, -0.02, 0.03, 0.0], 0.95, 1), 6)
            0.02924
            """
        ''',
        """
        n = len(returns)
        mu = sum(returns) / n
        sigma = math.sqrt(sum((r - mu) ** 2 for r in returns) / (n - 1))
        z = NormalDist().inv_cdf(alpha)
        return z * sigma * math.sqrt(horizon_days) - mu * horizon_days
        """,
        """
        import statistics


        def check(candidate):
            r = [0.01, -0.02, 0.03, 0.0]
            mu, sd = statistics.mean(r), statistics.stdev(r)
            z95 = statistics.NormalDist().inv_cdf(0.95)
            z99 = statistics.NormalDist().inv_cdf(0.99)
            assert _close(candidate(r, 0.95, 1), z95 * sd - mu)
            assert _close(candidate(r), z99 * sd - mu)
            assert _close(candidate(r, 0.99, 10), z99 * sd * math.sqrt(10) - 10 * mu)
        """,
        [
            """
            n = len(returns)
            mu = sum(returns) / n
            sigma = math.sqrt(sum((r - mu) ** 2 for r in returns) / (n - 1))
            z = NormalDist().inv_cdf(alpha)
            return (z * sigma - mu) * horizon_days
            """,
            """
            n = len(returns)
            mu = sum(returns) / n
            sigma = math.sqrt(sum((r - mu) ** 2 for r in returns) / n)
            z = NormalDist().inv_cdf(alpha)
            return z * sigma * math.sqrt(horizon_days) - mu * horizon_days
            """,
        ],
    ),
    spec(
        "compound_log_returns",
        "easy",
        '''
        import math


        def compound_log_returns(log_returns: list[float]) -> float:
            """Total simple return over a period given its log returns: ``exp(sum) - 1``.

            >>> round(compound_log_returns([math.log(1.1), math.log(1.1)]), 6)
            0.21
            """
        ''',
        """
        return math.exp(sum(log_returns)) - 1.0
        """,
        """
        def check(candidate):
            assert _close(candidate([math.log(1.1), math.log(1.1)]), 0.21)
            assert _close(candidate([]), 0.0, abs_tol=1e-12)
            assert _close(candidate([math.log(2.0), math.log(0.25)]), -0.5)
        """,
        [
            """
            return sum(log_returns)
            """,
            """
            total = 1.0
            for r in log_returns:
                total *= 1.0 + r
            return total - 1.0
            """,
        ],
    ),
    spec(
        "annualize_periodic_return",
        "easy",
        '''
        def annualize_periodic_return(mean_return: float, periods_per_year: int = 365) -> float:
            """Compound a mean per-period return to an annual one: ``(1 + r) ** ppy - 1``.

            The default of 365 periods fits daily crypto returns.

            >>> round(annualize_periodic_return(0.001), 6)
            0.440251
            """
        ''',
        """
        return (1.0 + mean_return) ** periods_per_year - 1.0
        """,
        """
        def check(candidate):
            assert _close(candidate(0.001), 1.001**365 - 1)
            assert _close(candidate(0.01, 12), 1.01**12 - 1)
            assert _close(candidate(0.0), 0.0, abs_tol=1e-12)
        """,
        [
            """
            return mean_return * periods_per_year
            """,
            """
            return (1.0 + mean_return) ** 252 - 1.0
            """,
        ],
    ),
    spec(
        "beta",
        "medium",
        '''
        def beta(asset_returns: list[float], market_returns: list[float]) -> float:
            """Beta of an asset against a market (e.g. an altcoin against BTC).

            ``cov(asset, market) / var(market)``, both with the same (sample, ``n - 1``)
            normalisation. Raise ``ValueError`` if the lists differ in length or have fewer
            than two entries.

            >>> round(beta([0.02, -0.01, 0.03], [0.01, -0.01, 0.02]), 6)
            1.357143
            """
        ''',
        """
        n = len(asset_returns)
        if n != len(market_returns) or n < 2:
            raise ValueError("need two equally long series of length >= 2")
        ma = sum(asset_returns) / n
        mm = sum(market_returns) / n
        cov = sum((a - ma) * (m - mm) for a, m in zip(asset_returns, market_returns)) / (n - 1)
        var = sum((m - mm) ** 2 for m in market_returns) / (n - 1)
        return cov / var
        """,
        """
        def check(candidate):
            assert _close(candidate([0.02, -0.01, 0.03], [0.01, -0.01, 0.02]), 19.0 / 14.0)
            assert _close(candidate([0.02, -0.02], [0.01, -0.01]), 2.0)
            assert _raises(candidate, ValueError, [0.01, 0.02], [0.01])
        """,
        [
            """
            n = len(asset_returns)
            if n != len(market_returns) or n < 2:
                raise ValueError("need two equally long series of length >= 2")
            ma = sum(asset_returns) / n
            mm = sum(market_returns) / n
            cov = sum((a - ma) * (m - mm) for a, m in zip(asset_returns, market_returns)) / (n - 1)
            var = sum((m - mm) ** 2 for m in market_returns) / n
            return cov / var
            """,
            """
            n = len(asset_returns)
            if n != len(market_returns) or n < 2:
                raise ValueError("need two equally long series of length >= 2")
            ma = sum(asset_returns) / n
            mm = sum(market_returns) / n
            cov = sum((a - ma) * (m - mm) for a, m in zip(asset_returns, market_returns)) / (n - 1)
            var = sum((a - ma) ** 2 for a in asset_returns) / (n - 1)
            return cov / var
            """,
        ],
    ),
    spec(
        "strategy_returns",
        "hard",
        '''
        def strategy_returns(
            positions: list[float], asset_returns: list[float], fee_rate: float
        ) -> list[float]:
            """Per-bar returns of a strategy without look-ahead bias.

            ``positions[t]`` is the target exposure decided at the *close* of bar ``t`` (1 = fully
            long, -1 = fully short, 0 = flat); it earns ``asset_returns[t + 1]``. The exposure
            before bar 0 is 0. Changing exposure at the close of ``t`` costs
            ``fee_rate * abs(positions[t] - positions[t - 1])``, charged in bar ``t``. So
            ``r[t] = positions[t-1] * asset_returns[t] - fee_rate * abs(positions[t] -
            positions[t-1])``.

            >>> r = strategy_returns([1, 1, 0, -1], [0.1, 0.05, -0.02, 0.03], 0.001)
            >>> [round(x, 6) for x in r]
            [-0.001, 0.05, -0.021, -0.001]
            """
        ''',
        """
        out = []
        prev = 0.0
        for pos, ret in zip(positions, asset_returns):
            out.append(prev * ret - fee_rate * abs(pos - prev))
            prev = pos
        return out
        """,
        """
        def check(candidate):
            got = candidate([1, 1, 0, -1], [0.1, 0.05, -0.02, 0.03], 0.001)
            assert _close(got, [-0.001, 0.05, -0.021, -0.001], abs_tol=1e-12)
            got = candidate([-1, 1], [0.02, 0.04], 0.0005)
            assert _close(got, [-0.0005, -0.04 - 0.001], abs_tol=1e-12)
            assert _close(candidate([], [], 0.001), [])
        """,
        [
            """
            out = []
            prev = 0.0
            for pos, ret in zip(positions, asset_returns):
                out.append(pos * ret - fee_rate * abs(pos - prev))
                prev = pos
            return out
            """,
            """
            out = []
            prev = 0.0
            for pos, ret in zip(positions, asset_returns):
                out.append(prev * ret - fee_rate * abs(pos))
                prev = pos
            return out
            """,
        ],
        fix="strategy_returns([1, 1, 0, -1], [0.1, 0.05, -0.02, 0.03], 0.001) starts with "
        "0.099: the first bar earns a return with a position that was only decided at its close.",
    ),
    spec(
        "ulcer_index",
        "medium",
        '''
        import math


        def ulcer_index(equity: list[float]) -> float:
            """Ulcer index: root-mean-square percentage drawdown over *all* points.

            ``dd[i] = 100 * (peak_i - equity[i]) / peak_i`` with ``peak_i`` the running maximum
            up to ``i``; return ``sqrt(mean(dd ** 2))`` (0.0 for an empty curve).

            >>> round(ulcer_index([100.0, 90.0, 100.0, 80.0]), 6)
            11.18034
            """
        ''',
        """
        if not equity:
            return 0.0
        peak = equity[0]
        sq = 0.0
        for v in equity:
            peak = max(peak, v)
            sq += (100.0 * (peak - v) / peak) ** 2
        return math.sqrt(sq / len(equity))
        """,
        """
        def check(candidate):
            assert _close(candidate([100.0, 90.0, 100.0, 80.0]), math.sqrt(125.0))
            assert _close(candidate([1.0, 2.0, 3.0]), 0.0, abs_tol=1e-12)
            assert _close(candidate([]), 0.0, abs_tol=1e-12)
        """,
        [
            """
            if not equity:
                return 0.0
            peak = equity[0]
            total = 0.0
            for v in equity:
                peak = max(peak, v)
                total += 100.0 * (peak - v) / peak
            return total / len(equity)
            """,
            """
            peak = None
            sq = []
            for v in equity:
                peak = v if peak is None else max(peak, v)
                if v < peak:
                    sq.append((100.0 * (peak - v) / peak) ** 2)
            return math.sqrt(sum(sq) / len(sq)) if sq else 0.0
            """,
        ],
    ),
    spec(
        "omega_ratio",
        "easy",
        '''
        import math


        def omega_ratio(returns: list[float], threshold: float = 0.0) -> float:
            """Omega ratio: ``sum(max(r - t, 0)) / sum(max(t - r, 0))`` for threshold ``t``.
            Return ``math.inf`` when nothing falls below the threshold.

            >>> round(omega_ratio([0.02, -0.01, 0.03, -0.02]), 6)
            1.666667
            """
        ''',
        """
        gains = sum(max(r - threshold, 0.0) for r in returns)
        losses = sum(max(threshold - r, 0.0) for r in returns)
        return math.inf if losses == 0 else gains / losses
        """,
        """
        def check(candidate):
            r = [0.02, -0.01, 0.03, -0.02]
            assert _close(candidate(r), 5.0 / 3.0)
            assert _close(candidate(r, 0.01), 0.6)
            assert candidate([0.01, 0.02]) == math.inf
        """,
        [
            """
            gains = sum(max(r, 0.0) for r in returns)
            losses = sum(max(-r, 0.0) for r in returns)
            return math.inf if losses == 0 else gains / losses
            """,
            """
            wins = sum(1 for r in returns if r > threshold)
            losses = sum(1 for r in returns if r < threshold)
            return math.inf if losses == 0 else wins / losses
            """,
        ],
    ),
    spec(
        "trade_stats",
        "easy",
        '''
        import math


        def trade_stats(pnls: list[float]) -> tuple[float, float]:
            """``(win_rate, profit_factor)`` of closed trades.

            A win has ``pnl > 0`` (break-even trades are not wins but do count in the total).
            Profit factor is gross profit / gross loss (absolute), ``math.inf`` with no losing
            trade. With no trades return ``(nan, nan)``.

            >>> trade_stats([10.0, -5.0, 0.0, 20.0])
            (0.5, 6.0)
            """
        ''',
        """
        if not pnls:
            return math.nan, math.nan
        wins = [p for p in pnls if p > 0]
        gross_loss = -sum(p for p in pnls if p < 0)
        pf = math.inf if gross_loss == 0 else sum(wins) / gross_loss
        return len(wins) / len(pnls), pf
        """,
        """
        def check(candidate):
            assert _close(candidate([10.0, -5.0, 0.0, 20.0]), (0.5, 6.0))
            assert _close(candidate([1.0, 2.0]), (1.0, math.inf))
            assert _close(candidate([]), (nan, nan))
            assert _close(candidate([-1.0, -3.0, 2.0]), (1 / 3, 0.5))
        """,
        [
            """
            if not pnls:
                return math.nan, math.nan
            wins = [p for p in pnls if p >= 0]
            gross_loss = -sum(p for p in pnls if p < 0)
            pf = math.inf if gross_loss == 0 else sum(wins) / gross_loss
            return len(wins) / len(pnls), pf
            """,
            """
            if not pnls:
                return math.nan, math.nan
            wins = [p for p in pnls if p > 0]
            losses = [p for p in pnls if p < 0]
            gross_loss = -sum(losses)
            pf = math.inf if gross_loss == 0 else sum(wins) / gross_loss
            return len(wins) / (len(wins) + len(losses)), pf
            """,
        ],
    ),
    spec(
        "rolling_volatility",
        "medium",
        '''
        import math


        def rolling_volatility(daily_returns: list[float], window: int) -> list[float]:
            """Rolling annualised volatility of daily returns.

            Entry ``i`` is the *sample* standard deviation (``window - 1``) of
            ``daily_returns[i - window + 1 : i + 1]`` times ``sqrt(365)``. The first
            ``window - 1`` entries are ``nan``. ``window`` must be at least 2.

            >>> [round(x, 6) for x in rolling_volatility([0.01, -0.01, 0.01], 2)]
            [nan, 0.270185, 0.270185]
            """
        ''',
        """
        if window < 2:
            raise ValueError("window must be >= 2")
        out = []
        for i in range(len(daily_returns)):
            if i < window - 1:
                out.append(math.nan)
                continue
            win = daily_returns[i - window + 1 : i + 1]
            mean = sum(win) / window
            var = sum((x - mean) ** 2 for x in win) / (window - 1)
            out.append(math.sqrt(var * 365))
        return out
        """,
        """
        import statistics


        def check(candidate):
            r = [0.01, -0.01, 0.02, 0.0]
            want = [nan, nan]
            want += [statistics.stdev(r[i - 2 : i + 1]) * math.sqrt(365) for i in (2, 3)]
            assert _close(candidate(r, 3), want)
            assert _close(candidate(r, 5), [nan] * 4)
            assert _raises(candidate, ValueError, r, 1)
        """,
        [
            """
            if window < 2:
                raise ValueError("window must be >= 2")
            out = []
            for i in range(len(daily_returns)):
                if i < window - 1:
                    out.append(math.nan)
                    continue
                win = daily_returns[i - window + 1 : i + 1]
                mean = sum(win) / window
                var = sum((x - mean) ** 2 for x in win) / (window - 1)
                out.append(math.sqrt(var * 252))
            return out
            """,
            """
            if window < 2:
                raise ValueError("window must be >= 2")
            out = []
            for i in range(len(daily_returns)):
                if i < window - 1:
                    out.append(math.nan)
                    continue
                win = daily_returns[i - window + 1 : i + 1]
                mean = sum(win) / window
                var = sum((x - mean) ** 2 for x in win) / window
                out.append(math.sqrt(var * 365))
            return out
            """,
        ],
    ),
    spec(
        "drawdown_periods",
        "hard",
        '''
        def drawdown_periods(equity: list[float]) -> list[tuple[int, int, int | None]]:
            """Drawdown episodes of an equity curve as ``(peak, trough, recovery)`` indices.

            An episode starts when a value falls below the running peak (``peak`` is the index of
            that peak), its ``trough`` is the index of the episode's lowest value (the *first*
            such index on ties), and it ends at ``recovery``, the first later index whose value is
            back at or above the peak value. An episode still open at the end has recovery
            ``None``. Episodes are returned in time order.

            >>> drawdown_periods([100, 90, 95, 100, 99, 98, 97, 101])
            [(0, 1, 3), (3, 6, 7)]
            """
        ''',
        """
        episodes = []
        if not equity:
            return episodes
        peak = 0
        trough = None
        for i, v in enumerate(equity):
            if v >= equity[peak]:
                if trough is not None:
                    episodes.append((peak, trough, i))
                    trough = None
                peak = i
            elif trough is None or v < equity[trough]:
                trough = i
        if trough is not None:
            episodes.append((peak, trough, None))
        return episodes
        """,
        """
        def check(candidate):
            assert candidate([100, 90, 95, 100, 99, 98, 97, 101]) == [(0, 1, 3), (3, 6, 7)]
            assert candidate([100, 120, 110, 90, 95]) == [(1, 3, None)]
            assert candidate([10, 8, 9, 8, 10]) == [(0, 1, 4)]
            assert candidate([1, 2, 3]) == []
            assert candidate([]) == []
        """,
        [
            """
            episodes = []
            if not equity:
                return episodes
            peak = 0
            trough = None
            for i, v in enumerate(equity):
                if v > equity[peak]:
                    if trough is not None:
                        episodes.append((peak, trough, i))
                        trough = None
                    peak = i
                elif v < equity[peak] and (trough is None or v < equity[trough]):
                    trough = i
            if trough is not None:
                episodes.append((peak, trough, None))
            return episodes
            """,
            """
            episodes = []
            if not equity:
                return episodes
            peak = 0
            trough = None
            for i, v in enumerate(equity):
                if v >= equity[peak]:
                    if trough is not None:
                        episodes.append((peak, trough, i))
                        trough = None
                    peak = i
                elif trough is None or v <= equity[trough]:
                    trough = i
            if trough is not None:
                episodes.append((peak, trough, None))
            return episodes
            """,
        ],
    ),
    spec(
        "time_weighted_return",
        "medium",
        '''
        def time_weighted_return(values: list[float], flows: list[float]) -> float:
            """Time-weighted return of an account with deposits and withdrawals.

            ``values[i]`` is the account value at the end of period ``i`` *including*
            ``flows[i]``, the external cash flow that arrived just before that valuation
            (deposit > 0, withdrawal < 0; ``flows[0]`` is ignored). Period returns are
            ``(values[i] - flows[i]) / values[i - 1] - 1``; chain them geometrically so flows do
            not count as performance.

            >>> round(time_weighted_return([100.0, 220.0, 231.0], [0.0, 100.0, 0.0]), 6)
            0.26
            """
        ''',
        """
        growth = 1.0
        for i in range(1, len(values)):
            growth *= (values[i] - flows[i]) / values[i - 1]
        return growth - 1.0
        """,
        """
        def check(candidate):
            assert _close(candidate([100.0, 220.0, 231.0], [0.0, 100.0, 0.0]), 0.26)
            assert _close(candidate([100.0, 60.0], [0.0, -50.0]), 0.1)
            assert _close(candidate([100.0], [0.0]), 0.0, abs_tol=1e-12)
        """,
        [
            """
            return values[-1] / values[0] - 1.0
            """,
            """
            growth = 1.0
            for i in range(1, len(values)):
                growth *= values[i] / (values[i - 1] + flows[i])
            return growth - 1.0
            """,
        ],
        fix="time_weighted_return([100.0, 220.0, 231.0], [0.0, 100.0, 0.0]) returns 1.31 "
        "instead of 0.26: the 100 deposit is counted as profit.",
    ),
    spec(
        "information_ratio",
        "medium",
        '''
        import math


        def information_ratio(
            strategy: list[float], benchmark: list[float], periods_per_year: int = 365
        ) -> float:
            """Annualised information ratio against a benchmark (e.g. buy-and-hold BTC).

            Active returns are ``strategy - benchmark``; return
            ``mean(active) / stdev(active) * sqrt(periods_per_year)`` with the sample standard
            deviation (``n - 1``) of the *active* returns; ``nan`` if it is 0.

            >>> round(information_ratio([0.02, 0.01, 0.03], [0.01, 0.02, 0.0]), 6)
            9.552487
            """
        ''',
        """
        active = [s - b for s, b in zip(strategy, benchmark)]
        n = len(active)
        mean = sum(active) / n
        sd = math.sqrt(sum((a - mean) ** 2 for a in active) / (n - 1))
        return math.nan if sd == 0 else mean / sd * math.sqrt(periods_per_year)
        """,
        """
        def check(candidate):
            s, b = [0.02, 0.01, 0.03], [0.01, 0.02, 0.0]
            assert _close(candidate(s, b), 0.5 * math.sqrt(365))
            assert _close(candidate(s, b, 12), 0.5 * math.sqrt(12))
            assert math.isnan(candidate([0.5, 0.75], [0.25, 0.5]))
        """,
        [
            """
            active = [s - b for s, b in zip(strategy, benchmark)]
            n = len(active)
            mean = sum(active) / n
            ms = sum(strategy) / n
            sd = math.sqrt(sum((s - ms) ** 2 for s in strategy) / (n - 1))
            return math.nan if sd == 0 else mean / sd * math.sqrt(periods_per_year)
            """,
            """
            active = [s - b for s, b in zip(strategy, benchmark)]
            n = len(active)
            mean = sum(active) / n
            sd = math.sqrt(sum((a - mean) ** 2 for a in active) / (n - 1))
            return math.nan if sd == 0 else mean / sd * math.sqrt(252)
            """,
        ],
    ),
]
