"""Risk problems: trade statistics, return shape, equity curves, stop levels, sizing, exposure."""

from cs_pipelines.cryptoeval.task import spec
from cs_pipelines.sft.functions import FunctionFamily

FAMILIES = [
    FunctionFamily(
        "trade_outcome_stats",
        "position_sizing_risk",
        [
            spec(
                "expectancy_per_trade",
                "easy",
                '''
                def expectancy_per_trade(win_rate: float, avg_win: float, avg_loss: float) -> float:
                    """Expected profit of one trade from a win rate and average win/loss sizes.

                    ``expectancy = win_rate * avg_win - (1 - win_rate) * |avg_loss|``. The average
                    loss may be passed as a positive magnitude or as a negative pnl; only its size
                    matters. The result is in the same currency units as the inputs.
                    Raise ``ValueError`` unless ``0 <= win_rate <= 1``.

                    >>> expectancy_per_trade(0.4, 300.0, 100.0)
                    60.0
                    """
                ''',
                """
                if not 0.0 <= win_rate <= 1.0:
                    raise ValueError("win_rate has to lie in [0, 1]")
                loss_rate = 1.0 - win_rate
                return win_rate * avg_win - loss_rate * abs(avg_loss)
                """,
                """
                def check(candidate):
                    assert _close(candidate(0.4, 300.0, 100.0), 60.0)
                    assert _close(candidate(0.4, 300.0, -100.0), 60.0)
                    assert _close(candidate(0.25, 100.0, 50.0), -12.5)
                    assert _close(candidate(1.0, 80.0, 500.0), 80.0)
                    assert _raises(candidate, ValueError, 1.2, 10.0, 5.0)
                """,
                [
                    """
                    if not 0.0 <= win_rate <= 1.0:
                        raise ValueError("win_rate has to lie in [0, 1]")
                    return win_rate * avg_win - (1.0 - win_rate) * avg_loss
                    """,
                    """
                    loss_rate = 1.0 - win_rate
                    return win_rate * avg_win - loss_rate * abs(avg_loss)
                    """,
                    """
                    if not 0.0 <= win_rate <= 1.0:
                        raise ValueError("win_rate has to lie in [0, 1]")
                    edge = win_rate * avg_win - (1.0 - win_rate) * abs(avg_loss)
                    return edge / abs(avg_loss)
                    """,
                ],
            ),
            spec(
                "payoff_ratio",
                "easy",
                '''
                import math


                def payoff_ratio(pnls: list[float]) -> float:
                    """Average winning trade divided by the average losing trade (in size).

                    Winners are trades with ``pnl > 0`` and losers those with ``pnl < 0``;
                    flat trades (``pnl == 0``) belong to neither group. Both averages are taken
                    over their own group, so the ratio is *not* gross profit / gross loss.
                    Return ``math.inf`` when there are winners but no losers and ``0.0`` when
                    there is no winner at all (including an empty list).

                    >>> payoff_ratio([40.0, 20.0, -10.0, -20.0, -30.0])
                    1.5
                    """
                ''',
                """
                winners = [p for p in pnls if p > 0]
                losers = [-p for p in pnls if p < 0]
                if not winners:
                    return 0.0
                if not losers:
                    return math.inf
                mean_win = sum(winners) / len(winners)
                mean_loss = sum(losers) / len(losers)
                return mean_win / mean_loss
                """,
                """
                def check(candidate):
                    assert _close(candidate([40.0, 20.0, -10.0, -20.0, -30.0]), 1.5)
                    assert _close(candidate([40.0, 20.0, 0.0, -10.0, -20.0, -30.0]), 1.5)
                    assert candidate([5.0, 5.0]) == math.inf
                    assert _close(candidate([-3.0, 0.0]), 0.0)
                    assert _close(candidate([]), 0.0)
                """,
                [
                    """
                    winners = [p for p in pnls if p > 0]
                    losers = [-p for p in pnls if p < 0]
                    if not winners:
                        return 0.0
                    if not losers:
                        return math.inf
                    return sum(winners) / sum(losers)
                    """,
                    """
                    winners = [p for p in pnls if p > 0]
                    losers = [-p for p in pnls if p <= 0]
                    if not winners:
                        return 0.0
                    if not losers:
                        return math.inf
                    mean_win = sum(winners) / len(winners)
                    mean_loss = sum(losers) / len(losers)
                    return mean_win / mean_loss
                    """,
                ],
            ),
            spec(
                "longest_losing_streak",
                "medium",
                '''
                def longest_losing_streak(pnls: list[float]) -> int:
                    """Length of the longest run of consecutive losing trades.

                    A losing trade has ``pnl < 0``. A winning *or* flat (``pnl == 0``) trade
                    ends the current run. An empty list, or one without losses, gives 0.

                    >>> longest_losing_streak([1.0, -1.0, -2.0, 0.0, -1.0, -1.0, -1.0, 3.0])
                    3
                    """
                ''',
                """
                best = 0
                run = 0
                for pnl in pnls:
                    if pnl < 0:
                        run += 1
                        best = max(best, run)
                    else:
                        run = 0
                return best
                """,
                """
                def check(candidate):
                    assert candidate([1.0, -1.0, -2.0, 0.0, -1.0, -1.0, -1.0, 3.0]) == 3
                    assert candidate([5.0, -1.0, -1.0, -1.0, -1.0]) == 4
                    assert candidate([2.0, 0.0, 3.0]) == 0
                    assert candidate([]) == 0
                """,
                [
                    """
                    best = 0
                    run = 0
                    for pnl in pnls:
                        if pnl <= 0:
                            run += 1
                            best = max(best, run)
                        else:
                            run = 0
                    return best
                    """,
                    """
                    best = 0
                    run = 0
                    for pnl in pnls:
                        if pnl < 0:
                            run += 1
                        else:
                            best = max(best, run)
                            run = 0
                    return best
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "return_distribution_shape",
        "market_analysis",
        [
            spec(
                "sample_skewness",
                "medium",
                '''
                import math


                def sample_skewness(returns: list[float]) -> float:
                    """Bias-adjusted (Fisher-Pearson) skewness of a return sample.

                    With ``m_k = mean((r - mean(r)) ** k)`` (central moments dividing by ``n``),
                    ``g1 = m_3 / m_2 ** 1.5`` and the result is
                    ``g1 * sqrt(n * (n - 1)) / (n - 2)`` -- the value spreadsheets and pandas
                    report. Return ``math.nan`` when all returns are equal (``m_2 == 0``).
                    Raise ``ValueError`` for fewer than three returns.

                    >>> round(sample_skewness([0.0, 0.0, 0.0, 0.0, 0.05]), 6)
                    2.236068
                    """
                ''',
                """
                n = len(returns)
                if n < 3:
                    raise ValueError("skewness requires three or more observations")
                mu = sum(returns) / n
                m2 = sum((x - mu) ** 2 for x in returns) / n
                m3 = sum((x - mu) ** 3 for x in returns) / n
                if m2 == 0:
                    return math.nan
                g1 = m3 / m2**1.5
                return g1 * math.sqrt(n * (n - 1)) / (n - 2)
                """,
                """
                def check(candidate):
                    assert _close(candidate([0.0, 0.0, 0.0, 0.0, 0.05]), math.sqrt(20) / 2)
                    expected = math.sqrt(12) / 2 * 45 / 12.5**1.5
                    assert _close(candidate([1.0, 2.0, 3.0, 10.0]), expected)
                    assert _close(candidate([0.01, 0.02, 0.03]), 0.0, abs_tol=1e-9)
                    assert math.isnan(candidate([0.02, 0.02, 0.02]))
                    assert _raises(candidate, ValueError, [0.01, 0.02])
                """,
                [
                    """
                    n = len(returns)
                    if n < 3:
                        raise ValueError("skewness requires three or more observations")
                    mu = sum(returns) / n
                    m2 = sum((x - mu) ** 2 for x in returns) / n
                    m3 = sum((x - mu) ** 3 for x in returns) / n
                    if m2 == 0:
                        return math.nan
                    return m3 / m2**1.5
                    """,
                    """
                    n = len(returns)
                    if n < 3:
                        raise ValueError("skewness requires three or more observations")
                    mu = sum(returns) / n
                    s2 = sum((x - mu) ** 2 for x in returns) / (n - 1)
                    m3 = sum((x - mu) ** 3 for x in returns) / n
                    if s2 == 0:
                        return math.nan
                    return m3 / s2**1.5 * math.sqrt(n * (n - 1)) / (n - 2)
                    """,
                ],
            ),
            spec(
                "excess_kurtosis",
                "hard",
                '''
                import math


                def excess_kurtosis(returns: list[float]) -> float:
                    """Bias-adjusted excess kurtosis of a return sample (0 for a normal law).

                    With central moments ``m_k = mean((r - mean(r)) ** k)`` (divide by ``n``),
                    ``g2 = m_4 / m_2 ** 2 - 3`` and the result is
                    ``((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3))``, the estimator
                    reported by spreadsheets' KURT and pandas. Return ``math.nan`` when every
                    return is the same. Raise ``ValueError`` for fewer than four returns.

                    >>> round(excess_kurtosis([0.0, 0.0, 0.0, 0.0, 0.05]), 6)
                    5.0
                    """
                ''',
                """
                n = len(returns)
                if n < 4:
                    raise ValueError("kurtosis requires four or more observations")
                mu = sum(returns) / n
                devs = [x - mu for x in returns]
                m2 = sum(d * d for d in devs) / n
                m4 = sum(d**4 for d in devs) / n
                if m2 == 0:
                    return math.nan
                g2 = m4 / (m2 * m2) - 3.0
                return ((n + 1) * g2 + 6.0) * (n - 1) / ((n - 2) * (n - 3))
                """,
                """
                def check(candidate):
                    assert _close(candidate([0.0, 0.0, 0.0, 0.0, 0.05]), 5.0)
                    expected = (5 * (348.5 / 156.25 - 3) + 6) * 3 / 2
                    assert _close(candidate([1.0, 2.0, 3.0, 10.0]), expected)
                    assert math.isnan(candidate([0.01, 0.01, 0.01, 0.01]))
                    assert _raises(candidate, ValueError, [0.01, 0.02, 0.03])
                """,
                [
                    """
                    n = len(returns)
                    if n < 4:
                        raise ValueError("kurtosis requires four or more observations")
                    mu = sum(returns) / n
                    devs = [x - mu for x in returns]
                    m2 = sum(d * d for d in devs) / n
                    m4 = sum(d**4 for d in devs) / n
                    if m2 == 0:
                        return math.nan
                    return m4 / (m2 * m2) - 3.0
                    """,
                    """
                    n = len(returns)
                    if n < 4:
                        raise ValueError("kurtosis requires four or more observations")
                    mu = sum(returns) / n
                    devs = [x - mu for x in returns]
                    m2 = sum(d * d for d in devs) / n
                    m4 = sum(d**4 for d in devs) / n
                    if m2 == 0:
                        return math.nan
                    g2 = m4 / (m2 * m2)
                    return ((n + 1) * g2 + 6.0) * (n - 1) / ((n - 2) * (n - 3))
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "return_asymmetry",
        "market_analysis",
        [
            spec(
                "gain_to_pain_ratio",
                "easy",
                '''
                import math


                def gain_to_pain_ratio(returns: list[float]) -> float:
                    """Schwager's gain-to-pain ratio of periodic returns.

                    The *net* sum of all returns divided by the absolute sum of the negative
                    returns (``sum(r) / |sum(r for r < 0)|``). Return ``math.inf`` when no return
                    is negative. Raise ``ValueError`` for an empty list.

                    >>> round(gain_to_pain_ratio([0.05, -0.02, 0.03, -0.01]), 6)
                    1.666667
                    """
                ''',
                """
                if not returns:
                    raise ValueError("returns must not be empty")
                pain = -sum(r for r in returns if r < 0)
                if pain == 0:
                    return math.inf
                return sum(returns) / pain
                """,
                """
                def check(candidate):
                    assert _close(candidate([0.05, -0.02, 0.03, -0.01]), 0.05 / 0.03)
                    assert _close(candidate([-0.01, -0.03]), -1.0)
                    assert candidate([0.01, 0.02]) == math.inf
                    assert _raises(candidate, ValueError, [])
                """,
                [
                    """
                    if not returns:
                        raise ValueError("returns must not be empty")
                    pain = -sum(r for r in returns if r < 0)
                    if pain == 0:
                        return math.inf
                    return sum(r for r in returns if r > 0) / pain
                    """,
                    """
                    if not returns:
                        raise ValueError("returns must not be empty")
                    pain = sum(r for r in returns if r < 0)
                    if pain == 0:
                        return math.inf
                    return sum(returns) / pain
                    """,
                ],
            ),
            spec(
                "tail_ratio",
                "hard",
                '''
                import math


                def tail_ratio(returns: list[float], q: float = 0.95) -> float:
                    """Size of the right tail relative to the left tail of a return sample.

                    ``|P(q)| / |P(1 - q)|`` where ``P(p)`` is the ``p``-quantile with linear
                    interpolation between sorted values: position ``(n - 1) * p`` in the
                    ascending sample, interpolated between its floor and the next element.
                    Return ``math.inf`` when the lower quantile is 0. Raise ``ValueError`` for
                    fewer than two returns or unless ``0.5 < q < 1``.

                    >>> round(tail_ratio([0.01, -0.05, 0.08, 0.0, -0.02, 0.03, -0.01, 0.04,
                    ...                   0.01, -0.03, 0.02]), 6)
                    1.5
                    """
                ''',
                """
                if len(returns) < 2:
                    raise ValueError("a tail ratio needs two or more returns")
                if not 0.5 < q < 1.0:
                    raise ValueError("q must be strictly between 0.5 and 1")
                ordered = sorted(returns)
                last = len(ordered) - 1

                def quantile(p):
                    pos = last * p
                    i = math.floor(pos)
                    j = min(i + 1, last)
                    return ordered[i] + (ordered[j] - ordered[i]) * (pos - i)

                left = abs(quantile(1.0 - q))
                if left == 0:
                    return math.inf
                return abs(quantile(q)) / left
                """,
                """
                def check(candidate):
                    r = [0.01, -0.05, 0.08, 0.0, -0.02, 0.03, -0.01, 0.04, 0.01, -0.03, 0.02]
                    assert _close(candidate(r), 0.06 / 0.04)
                    assert _close(candidate(r, 0.9), 0.04 / 0.03)
                    assert candidate([0.0, 0.0, 0.0, 0.01]) == math.inf
                    assert _raises(candidate, ValueError, [0.01])
                    assert _raises(candidate, ValueError, r, 0.3)
                """,
                [
                    """
                    if len(returns) < 2:
                        raise ValueError("a tail ratio needs two or more returns")
                    if not 0.5 < q < 1.0:
                        raise ValueError("q must be strictly between 0.5 and 1")
                    ordered = sorted(returns)
                    last = len(ordered) - 1
                    left = abs(ordered[math.floor(last * (1.0 - q))])
                    if left == 0:
                        return math.inf
                    return abs(ordered[math.floor(last * q)]) / left
                    """,
                    """
                    if len(returns) < 2:
                        raise ValueError("a tail ratio needs two or more returns")
                    if not 0.5 < q < 1.0:
                        raise ValueError("q must be strictly between 0.5 and 1")
                    ordered = sorted(returns)
                    last = len(ordered) - 1
                    left = abs(ordered[round(last * (1.0 - q))])
                    if left == 0:
                        return math.inf
                    return abs(ordered[round(last * q)]) / left
                    """,
                ],
            ),
            spec(
                "upside_capture_ratio",
                "medium",
                '''
                def upside_capture_ratio(strategy: list[float], benchmark: list[float]) -> float:
                    """How much of the benchmark's up periods a strategy captures.

                    Keep the periods in which the benchmark return is strictly positive; the
                    ratio is the arithmetic mean of the strategy's returns in those periods over
                    the arithmetic mean of the benchmark's returns in the same periods (1.0 means
                    it moved one for one). Raise ``ValueError`` if the two lists differ in length
                    or the benchmark never rises.

                    >>> strat = [0.02, -0.01, 0.03, 0.01]
                    >>> round(upside_capture_ratio(strat, [0.01, -0.02, 0.02, 0.0]), 6)
                    1.666667
                    """
                ''',
                """
                if len(strategy) != len(benchmark):
                    raise ValueError("strategy and benchmark lengths differ")
                pairs = [(s, b) for s, b in zip(strategy, benchmark) if b > 0]
                if not pairs:
                    raise ValueError("benchmark has no up period")
                strat_up = sum(s for s, _ in pairs) / len(pairs)
                bench_up = sum(b for _, b in pairs) / len(pairs)
                return strat_up / bench_up
                """,
                """
                def check(candidate):
                    s = [0.02, -0.01, 0.03, 0.01]
                    b = [0.01, -0.02, 0.02, 0.0]
                    assert _close(candidate(s, b), 0.025 / 0.015)
                    assert _close(candidate([0.01, 0.01, -0.05], [0.02, 0.04, -0.03]), 1 / 3)
                    assert _raises(candidate, ValueError, [0.01, 0.02], [-0.01, 0.0])
                    assert _raises(candidate, ValueError, [0.01], [0.01, 0.02])
                """,
                [
                    """
                    if len(strategy) != len(benchmark):
                        raise ValueError("strategy and benchmark lengths differ")
                    pairs = [(s, b) for s, b in zip(strategy, benchmark) if b >= 0]
                    if not pairs:
                        raise ValueError("benchmark has no up period")
                    strat_up = sum(s for s, _ in pairs) / len(pairs)
                    bench_up = sum(b for _, b in pairs) / len(pairs)
                    return strat_up / bench_up
                    """,
                    """
                    if len(strategy) != len(benchmark):
                        raise ValueError("strategy and benchmark lengths differ")
                    if not any(b > 0 for b in benchmark):
                        raise ValueError("benchmark has no up period")
                    return sum(strategy) / sum(benchmark)
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "equity_curves",
        "market_analysis",
        [
            spec(
                "equity_from_returns",
                "easy",
                '''
                def equity_from_returns(returns: list[float], start: float = 1.0) -> list[float]:
                    """Equity curve obtained by compounding periodic simple returns.

                    The curve begins with ``start`` and then holds
                    ``start * (1 + r_1) * ... * (1 + r_k)`` after each period, so it has
                    ``len(returns) + 1`` points. Raise ``ValueError`` if ``start <= 0`` or any
                    return is below -1 (a loss larger than the whole account).

                    >>> [round(v, 6) for v in equity_from_returns([0.1, -0.5, 0.2], 100.0)]
                    [100.0, 110.0, 55.0, 66.0]
                    """
                ''',
                """
                if start <= 0:
                    raise ValueError("start equity must be positive")
                curve = [start]
                for r in returns:
                    if r < -1.0:
                        raise ValueError("a return cannot lose more than 100%")
                    curve.append(curve[-1] * (1.0 + r))
                return curve
                """,
                """
                def check(candidate):
                    assert _close(candidate([0.1, -0.5, 0.2], 100.0), [100.0, 110.0, 55.0, 66.0])
                    assert _close(candidate([0.5, 0.5]), [1.0, 1.5, 2.25])
                    assert _close(candidate([]), [1.0])
                    assert _raises(candidate, ValueError, [0.1, -1.5])
                """,
                [
                    """
                    if start <= 0:
                        raise ValueError("start equity must be positive")
                    curve = [start]
                    for r in returns:
                        if r < -1.0:
                            raise ValueError("a return cannot lose more than 100%")
                        curve.append(curve[-1] + start * r)
                    return curve
                    """,
                    """
                    if start <= 0:
                        raise ValueError("start equity must be positive")
                    curve = []
                    value = start
                    for r in returns:
                        if r < -1.0:
                            raise ValueError("a return cannot lose more than 100%")
                        value *= 1.0 + r
                        curve.append(value)
                    return curve
                    """,
                ],
            ),
            spec(
                "underwater_series",
                "easy",
                '''
                def underwater_series(equity: list[float]) -> list[float]:
                    """Drawdown of every point of an equity curve from its running peak.

                    Entry ``t`` is ``equity[t] / max(equity[0..t]) - 1``: 0.0 at a new high and
                    negative below it (-0.25 means 25% under the peak). Same length as the input.
                    Raise ``ValueError`` if any equity value is not strictly positive.

                    >>> underwater_series([100.0, 120.0, 90.0, 130.0, 117.0])
                    [0.0, 0.0, -0.25, 0.0, -0.09999999999999998]
                    """
                ''',
                """
                if any(v <= 0 for v in equity):
                    raise ValueError("equity values must be positive")
                out = []
                high = 0.0
                for v in equity:
                    if v > high:
                        high = v
                    out.append(v / high - 1.0)
                return out
                """,
                """
                def check(candidate):
                    got = candidate([100.0, 120.0, 90.0, 130.0, 117.0])
                    assert _close(got, [0.0, 0.0, -0.25, 0.0, -0.1], abs_tol=1e-12)
                    assert _close(candidate([50.0, 40.0, 30.0]), [0.0, -0.2, -0.4], abs_tol=1e-12)
                    assert _close(candidate([]), [])
                    assert _raises(candidate, ValueError, [10.0, 0.0])
                """,
                [
                    """
                    if any(v <= 0 for v in equity):
                        raise ValueError("equity values must be positive")
                    out = []
                    high = 0.0
                    for v in equity:
                        if v > high:
                            high = v
                        out.append((v - high) / v)
                    return out
                    """,
                    """
                    if any(v <= 0 for v in equity):
                        raise ValueError("equity values must be positive")
                    if not equity:
                        return []
                    return [v / equity[0] - 1.0 for v in equity]
                    """,
                ],
            ),
            spec(
                "recovery_factor",
                "medium",
                '''
                import math


                def recovery_factor(equity: list[float]) -> float:
                    """Net profit of an equity curve divided by its worst peak-to-trough loss.

                    Both are in currency: net profit is ``equity[-1] - equity[0]`` and the
                    maximum drawdown is the largest ``running_peak - equity[t]`` (not a
                    percentage). With no drawdown return ``math.inf`` if the net profit is
                    positive and ``0.0`` otherwise. Raise ``ValueError`` for fewer than two points.

                    >>> round(recovery_factor([100.0, 120.0, 90.0, 130.0, 117.0]), 6)
                    0.566667
                    """
                ''',
                """
                if len(equity) < 2:
                    raise ValueError("an equity curve needs two or more points")
                high = equity[0]
                worst = 0.0
                for v in equity:
                    high = max(high, v)
                    worst = max(worst, high - v)
                net = equity[-1] - equity[0]
                if worst == 0:
                    return math.inf if net > 0 else 0.0
                return net / worst
                """,
                """
                def check(candidate):
                    assert _close(candidate([100.0, 120.0, 90.0, 130.0, 117.0]), 17 / 30)
                    assert _close(candidate([100.0, 80.0, 90.0]), -0.5)
                    assert candidate([100.0, 110.0, 120.0]) == math.inf
                    assert _close(candidate([100.0, 100.0]), 0.0)
                    assert _raises(candidate, ValueError, [100.0])
                """,
                [
                    """
                    if len(equity) < 2:
                        raise ValueError("an equity curve needs two or more points")
                    high = equity[0]
                    worst = 0.0
                    for v in equity:
                        high = max(high, v)
                        worst = max(worst, 1.0 - v / high)
                    net = equity[-1] - equity[0]
                    if worst == 0:
                        return math.inf if net > 0 else 0.0
                    return net / worst
                    """,
                    """
                    if len(equity) < 2:
                        raise ValueError("an equity curve needs two or more points")
                    worst = max(0.0, equity[0] - min(equity))
                    net = equity[-1] - equity[0]
                    if worst == 0:
                        return math.inf if net > 0 else 0.0
                    return net / worst
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "return_correlation",
        "market_analysis",
        [
            spec(
                "pearson_correlation",
                "easy",
                '''
                import math


                def pearson_correlation(xs: list[float], ys: list[float]) -> float:
                    """Pearson correlation coefficient of two equally long series.

                    ``sum(dx * dy) / sqrt(sum(dx ** 2) * sum(dy ** 2))`` with ``dx``/``dy`` the
                    deviations from each series' mean. Return ``math.nan`` if either series is
                    constant. Raise ``ValueError`` if the lengths differ or there are fewer
                    than two observations.

                    >>> round(pearson_correlation([1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 5.0, 9.0]), 6)
                    0.964764
                    """
                ''',
                """
                if len(xs) != len(ys):
                    raise ValueError("series lengths differ")
                if len(xs) < 2:
                    raise ValueError("correlation needs two or more observations")
                ax = sum(xs) / len(xs)
                ay = sum(ys) / len(ys)
                dx = [x - ax for x in xs]
                dy = [y - ay for y in ys]
                sxx = sum(a * a for a in dx)
                syy = sum(b * b for b in dy)
                if sxx == 0 or syy == 0:
                    return math.nan
                return sum(a * b for a, b in zip(dx, dy)) / math.sqrt(sxx * syy)
                """,
                """
                def check(candidate):
                    got = candidate([1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 5.0, 9.0])
                    assert _close(got, 11 / math.sqrt(130))
                    assert _close(candidate([1.0, 2.0, 3.0], [3.0, 2.0, 1.0]), -1.0)
                    assert math.isnan(candidate([1.0, 1.0, 1.0], [1.0, 2.0, 3.0]))
                    assert _raises(candidate, ValueError, [1.0, 2.0], [1.0])
                """,
                [
                    """
                    if len(xs) != len(ys):
                        raise ValueError("series lengths differ")
                    if len(xs) < 2:
                        raise ValueError("correlation needs two or more observations")
                    n = len(xs)
                    ax = sum(xs) / n
                    ay = sum(ys) / n
                    dx = [x - ax for x in xs]
                    dy = [y - ay for y in ys]
                    sxx = sum(a * a for a in dx) / n
                    syy = sum(b * b for b in dy) / n
                    if sxx == 0 or syy == 0:
                        return math.nan
                    cov = sum(a * b for a, b in zip(dx, dy)) / (n - 1)
                    return cov / math.sqrt(sxx * syy)
                    """,
                    """
                    if len(xs) != len(ys):
                        raise ValueError("series lengths differ")
                    if len(xs) < 2:
                        raise ValueError("correlation needs two or more observations")
                    ax = sum(xs) / len(xs)
                    ay = sum(ys) / len(ys)
                    dx = [x - ax for x in xs]
                    dy = [y - ay for y in ys]
                    sxx = sum(a * a for a in dx)
                    syy = sum(b * b for b in ys)
                    if sxx == 0 or syy == 0:
                        return math.nan
                    return sum(a * b for a, b in zip(dx, dy)) / math.sqrt(sxx * syy)
                    """,
                ],
            ),
            spec(
                "rolling_correlation",
                "hard",
                '''
                import math


                def rolling_correlation(
                    xs: list[float], ys: list[float], window: int
                ) -> list[float]:
                    """Pearson correlation of two series over a trailing window.

                    Entry ``t`` is the correlation of ``xs[t - window + 1 : t + 1]`` with the
                    matching slice of ``ys``. The output has the input's length: the first
                    ``window - 1`` entries, and any window where either slice is constant, are
                    ``math.nan``. Raise ``ValueError`` if the lengths differ or ``window < 2``.

                    >>> [round(c, 4) for c in rolling_correlation([1, 2, 3, 4], [1, 3, 2, 5], 3)]
                    [nan, nan, 0.5, 0.6547]
                    """
                ''',
                """
                if len(xs) != len(ys):
                    raise ValueError("series lengths differ")
                if window < 2:
                    raise ValueError("window must be at least 2")
                out = []
                for end in range(len(xs)):
                    if end + 1 < window:
                        out.append(math.nan)
                        continue
                    wx = xs[end + 1 - window : end + 1]
                    wy = ys[end + 1 - window : end + 1]
                    cx = sum(wx) / window
                    cy = sum(wy) / window
                    sxy = sum((a - cx) * (b - cy) for a, b in zip(wx, wy))
                    sxx = sum((a - cx) ** 2 for a in wx)
                    syy = sum((b - cy) ** 2 for b in wy)
                    if sxx == 0 or syy == 0:
                        out.append(math.nan)
                    else:
                        out.append(sxy / math.sqrt(sxx * syy))
                return out
                """,
                """
                def check(candidate):
                    got = candidate([1.0, 2.0, 3.0, 4.0, 5.0], [1.0, 3.0, 2.0, 5.0, 4.0], 3)
                    assert _close(got, [nan, nan, 0.5, math.sqrt(3 / 7), math.sqrt(3 / 7)])
                    got = candidate([1.0, 1.0, 1.0, 2.0], [1.0, 2.0, 3.0, 4.0], 3)
                    assert _close(got, [nan, nan, nan, math.sqrt(3) / 2])
                    assert _close(candidate([1.0, 2.0], [2.0, 4.0], 2), [nan, 1.0])
                    assert _raises(candidate, ValueError, [1.0, 2.0, 3.0], [1.0, 2.0, 3.0], 1)
                """,
                [
                    """
                    if len(xs) != len(ys):
                        raise ValueError("series lengths differ")
                    if window < 2:
                        raise ValueError("window must be at least 2")
                    out = []
                    for end in range(window - 1, len(xs)):
                        wx = xs[end + 1 - window : end + 1]
                        wy = ys[end + 1 - window : end + 1]
                        cx = sum(wx) / window
                        cy = sum(wy) / window
                        sxy = sum((a - cx) * (b - cy) for a, b in zip(wx, wy))
                        sxx = sum((a - cx) ** 2 for a in wx)
                        syy = sum((b - cy) ** 2 for b in wy)
                        if sxx == 0 or syy == 0:
                            out.append(math.nan)
                        else:
                            out.append(sxy / math.sqrt(sxx * syy))
                    return out
                    """,
                    """
                    if len(xs) != len(ys):
                        raise ValueError("series lengths differ")
                    if window < 2:
                        raise ValueError("window must be at least 2")
                    out = []
                    for end in range(len(xs)):
                        if end < window:
                            out.append(math.nan)
                            continue
                        wx = xs[end - window : end]
                        wy = ys[end - window : end]
                        cx = sum(wx) / window
                        cy = sum(wy) / window
                        sxy = sum((a - cx) * (b - cy) for a, b in zip(wx, wy))
                        sxx = sum((a - cx) ** 2 for a in wx)
                        syy = sum((b - cy) ** 2 for b in wy)
                        if sxx == 0 or syy == 0:
                            out.append(math.nan)
                        else:
                            out.append(sxy / math.sqrt(sxx * syy))
                    return out
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "stop_and_target_levels",
        "stops_take_profits",
        [
            spec(
                "atr_stop_price",
                "easy",
                '''
                def atr_stop_price(side: str, entry: float, atr: float, multiple: float) -> float:
                    """Protective stop placed a multiple of the average true range from entry.

                    ``side="long"``: ``entry - multiple * atr``, floored at 0.0 (a price cannot
                    go negative); ``side="short"``: ``entry + multiple * atr``. Raise
                    ``ValueError`` for any other side or when ``atr`` or ``multiple`` is not
                    positive.

                    >>> atr_stop_price("long", 100.0, 2.5, 3.0)
                    92.5
                    """
                ''',
                """
                if atr <= 0 or multiple <= 0:
                    raise ValueError("atr and multiple must both be positive")
                offset = atr * multiple
                if side == "long":
                    return max(0.0, entry - offset)
                if side == "short":
                    return entry + offset
                raise ValueError(f"unknown side {side!r}")
                """,
                """
                def check(candidate):
                    assert _close(candidate("long", 100.0, 2.5, 3.0), 92.5)
                    assert _close(candidate("short", 2000.0, 40.0, 1.5), 2060.0)
                    assert _close(candidate("long", 100.0, 60.0, 2.0), 0.0)
                    assert _raises(candidate, ValueError, "buy", 100.0, 2.0, 2.0)
                    assert _raises(candidate, ValueError, "long", 100.0, 0.0, 2.0)
                """,
                [
                    """
                    if atr <= 0 or multiple <= 0:
                        raise ValueError("atr and multiple must both be positive")
                    offset = atr * multiple
                    if side == "long":
                        return entry - offset
                    if side == "short":
                        return entry + offset
                    raise ValueError(f"unknown side {side!r}")
                    """,
                    """
                    if atr <= 0 or multiple <= 0:
                        raise ValueError("atr and multiple must both be positive")
                    offset = atr * multiple
                    if side == "short":
                        return max(0.0, entry - offset)
                    if side == "long":
                        return entry + offset
                    raise ValueError(f"unknown side {side!r}")
                    """,
                ],
            ),
            spec(
                "r_multiple_target",
                "easy",
                '''
                def r_multiple_target(entry: float, stop: float, r_multiple: float) -> float:
                    """Take-profit price that pays ``r_multiple`` times the initial risk.

                    The risk is the entry-to-stop distance; the direction comes from the stop
                    (stop below entry: long, target above; stop above entry: short, target
                    below): ``entry + r_multiple * (entry - stop)``. A short's target is floored
                    at 0.0. Raise ``ValueError`` if ``stop == entry`` or ``r_multiple <= 0``.

                    >>> r_multiple_target(100.0, 95.0, 2.0)
                    110.0
                    """
                ''',
                """
                if stop == entry:
                    raise ValueError("stop equals entry: no risk to scale")
                if r_multiple <= 0:
                    raise ValueError("r_multiple must be positive")
                return max(0.0, entry + r_multiple * (entry - stop))
                """,
                """
                def check(candidate):
                    assert _close(candidate(100.0, 95.0, 2.0), 110.0)
                    assert _close(candidate(100.0, 104.0, 1.5), 94.0)
                    assert _close(candidate(10.0, 20.0, 2.0), 0.0)
                    assert _raises(candidate, ValueError, 50.0, 50.0, 2.0)
                """,
                [
                    """
                    if stop == entry:
                        raise ValueError("stop equals entry: no risk to scale")
                    if r_multiple <= 0:
                        raise ValueError("r_multiple must be positive")
                    return entry + r_multiple * abs(entry - stop)
                    """,
                    """
                    if stop == entry:
                        raise ValueError("stop equals entry: no risk to scale")
                    if r_multiple <= 0:
                        raise ValueError("r_multiple must be positive")
                    return entry + r_multiple * (entry - stop)
                    """,
                ],
            ),
            spec(
                "breakeven_stop",
                "medium",
                '''
                def breakeven_stop(
                    side: str,
                    entry: float,
                    initial_stop: float,
                    price: float,
                    trigger_r: float,
                    offset: float = 0.0,
                ) -> float:
                    """Stop level after the move-to-break-even rule.

                    The initial risk ``R`` is ``|entry - initial_stop|``. Once the open profit
                    (long: ``price - entry``; short: ``entry - price``) is at least
                    ``trigger_r * R``, the stop moves to break even plus ``offset`` on the
                    profitable side (long ``entry + offset``, short ``entry - offset``, e.g. to
                    cover fees); until then it stays at ``initial_stop``. Raise ``ValueError``
                    if the initial stop is not on the losing side of entry (long needs
                    ``initial_stop < entry``, short ``initial_stop > entry``) or the side is
                    neither ``"long"`` nor ``"short"``.

                    >>> breakeven_stop("long", 100.0, 95.0, 105.0, 1.0)
                    100.0
                    """
                ''',
                """
                if side == "long":
                    if initial_stop >= entry:
                        raise ValueError("a long needs its stop below entry")
                    gain = price - entry
                    moved = entry + offset
                elif side == "short":
                    if initial_stop <= entry:
                        raise ValueError("a short needs its stop above entry")
                    gain = entry - price
                    moved = entry - offset
                else:
                    raise ValueError(f"unknown side {side!r}")
                risk = abs(entry - initial_stop)
                return moved if gain >= trigger_r * risk else initial_stop
                """,
                """
                def check(candidate):
                    assert _close(candidate("long", 100.0, 95.0, 105.0, 1.0), 100.0)
                    assert _close(candidate("long", 100.0, 95.0, 104.9, 1.0), 95.0)
                    assert _close(candidate("long", 100.0, 95.0, 110.0, 1.0, 0.2), 100.2)
                    assert _close(candidate("short", 200.0, 210.0, 180.0, 2.0, 0.5), 199.5)
                    assert _close(candidate("short", 200.0, 210.0, 181.0, 2.0, 0.5), 210.0)
                    assert _raises(candidate, ValueError, "long", 100.0, 101.0, 105.0, 1.0)
                """,
                [
                    """
                    if side == "long":
                        if initial_stop >= entry:
                            raise ValueError("a long needs its stop below entry")
                        gain = price - entry
                        moved = entry + offset
                    elif side == "short":
                        if initial_stop <= entry:
                            raise ValueError("a short needs its stop above entry")
                        gain = entry - price
                        moved = entry - offset
                    else:
                        raise ValueError(f"unknown side {side!r}")
                    risk = abs(entry - initial_stop)
                    return moved if gain > trigger_r * risk else initial_stop
                    """,
                    """
                    if side == "long":
                        if initial_stop >= entry:
                            raise ValueError("a long needs its stop below entry")
                        gain = price - entry
                    elif side == "short":
                        if initial_stop <= entry:
                            raise ValueError("a short needs its stop above entry")
                        gain = entry - price
                    else:
                        raise ValueError(f"unknown side {side!r}")
                    risk = abs(entry - initial_stop)
                    return entry + offset if gain >= trigger_r * risk else initial_stop
                    """,
                    """
                    if side == "long":
                        gain = price - entry
                        moved = entry + offset
                    elif side == "short":
                        gain = entry - price
                        moved = entry - offset
                    else:
                        raise ValueError(f"unknown side {side!r}")
                    return moved if gain > 0 else initial_stop
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "trailing_stop_levels",
        "stops_take_profits",
        [
            spec(
                "chandelier_exit_long",
                "hard",
                '''
                import math


                def chandelier_exit_long(
                    highs: list[float],
                    lows: list[float],
                    closes: list[float],
                    period: int,
                    multiple: float = 3.0,
                ) -> list[float]:
                    """Chandelier exit for long positions: highest high minus a multiple of ATR.

                    True range of bar 0 is ``highs[0] - lows[0]``; for ``t >= 1`` it is the
                    largest of ``high - low``, ``|high - previous close|`` and
                    ``|low - previous close|``. ATR at bar ``t`` is the plain average of the last
                    ``period`` true ranges, and the level is
                    ``max(highs[t - period + 1 : t + 1]) - multiple * ATR``. The first
                    ``period - 1`` entries are ``math.nan``. Raise ``ValueError`` if the lists
                    differ in length or ``period < 1``.

                    >>> highs, lows = [10, 12, 11, 13], [9, 10, 9, 11]
                    >>> chandelier_exit_long(highs, lows, [9.5, 11, 10, 12.5], 2, 1.0)
                    [nan, 10.25, 9.75, 10.5]
                    """
                ''',
                """
                if not len(highs) == len(lows) == len(closes):
                    raise ValueError("highs, lows and closes must align")
                if period < 1:
                    raise ValueError("period must be positive")
                ranges = []
                for t, (hi, lo) in enumerate(zip(highs, lows)):
                    if t == 0:
                        ranges.append(hi - lo)
                    else:
                        pc = closes[t - 1]
                        ranges.append(max(hi - lo, abs(hi - pc), abs(lo - pc)))
                levels = []
                for t in range(len(highs)):
                    if t < period - 1:
                        levels.append(math.nan)
                        continue
                    first = t - period + 1
                    avg_range = sum(ranges[first : t + 1]) / period
                    levels.append(max(highs[first : t + 1]) - multiple * avg_range)
                return levels
                """,
                """
                def check(candidate):
                    h = [10.0, 12.0, 11.0, 13.0]
                    lo = [9.0, 10.0, 9.0, 11.0]
                    c = [9.5, 11.0, 10.0, 12.5]
                    assert _close(candidate(h, lo, c, 2, 1.0), [nan, 10.25, 9.75, 10.5])
                    assert _close(candidate(h, lo, c, 2), [nan, 6.75, 5.25, 5.5])
                    assert _close(candidate(h, lo, c, 4, 2.0), [nan, nan, nan, 13.0 - 2 * 8.5 / 4])
                    assert _raises(candidate, ValueError, h, lo, c[:3], 2)
                """,
                [
                    """
                    if not len(highs) == len(lows) == len(closes):
                        raise ValueError("highs, lows and closes must align")
                    if period < 1:
                        raise ValueError("period must be positive")
                    ranges = [hi - lo for hi, lo in zip(highs, lows)]
                    levels = []
                    for t in range(len(highs)):
                        if t < period - 1:
                            levels.append(math.nan)
                            continue
                        first = t - period + 1
                        avg_range = sum(ranges[first : t + 1]) / period
                        levels.append(max(highs[first : t + 1]) - multiple * avg_range)
                    return levels
                    """,
                    """
                    if not len(highs) == len(lows) == len(closes):
                        raise ValueError("highs, lows and closes must align")
                    if period < 1:
                        raise ValueError("period must be positive")
                    ranges = []
                    for t, (hi, lo) in enumerate(zip(highs, lows)):
                        if t == 0:
                            ranges.append(hi - lo)
                        else:
                            pc = closes[t - 1]
                            ranges.append(max(hi - lo, abs(hi - pc), abs(lo - pc)))
                    levels = []
                    for t in range(len(highs)):
                        if t < period - 1:
                            levels.append(math.nan)
                            continue
                        first = t - period + 1
                        avg_range = sum(ranges[first : t + 1]) / period
                        levels.append(max(closes[first : t + 1]) - multiple * avg_range)
                    return levels
                    """,
                ],
            ),
            spec(
                "ratchet_trailing_stops",
                "medium",
                '''
                def ratchet_trailing_stops(
                    closes: list[float], side: str, initial_stop: float, trail_pct: float
                ) -> list[float]:
                    """Stop after each close for a percentage trailing stop that only ever tightens.

                    Long: the candidate after close ``c`` is ``c * (1 - trail_pct)`` and the stop
                    is the larger of it and the previous stop; short: the candidate is
                    ``c * (1 + trail_pct)`` and the stop is the smaller of the two. The
                    "previous stop" before the first close is ``initial_stop``. Exits are not
                    simulated. Raise ``ValueError`` unless ``0 < trail_pct < 1`` and the side is
                    ``"long"`` or ``"short"``.

                    >>> ratchet_trailing_stops([100.0, 110.0, 104.0, 120.0], "long", 90.0, 0.05)
                    [95.0, 104.5, 104.5, 114.0]
                    """
                ''',
                """
                if not 0.0 < trail_pct < 1.0:
                    raise ValueError("trail_pct must lie strictly between 0 and 1")
                if side not in ("long", "short"):
                    raise ValueError(f"unknown side {side!r}")
                level = initial_stop
                out = []
                for c in closes:
                    if side == "long":
                        level = max(level, c * (1.0 - trail_pct))
                    else:
                        level = min(level, c * (1.0 + trail_pct))
                    out.append(level)
                return out
                """,
                """
                def check(candidate):
                    got = candidate([100.0, 110.0, 104.0, 120.0, 115.0], "long", 90.0, 0.05)
                    assert _close(got, [95.0, 104.5, 104.5, 114.0, 114.0])
                    got = candidate([100.0, 90.0, 95.0, 80.0], "short", 108.0, 0.1)
                    assert _close(got, [108.0, 99.0, 99.0, 88.0])
                    assert _close(candidate([100.0], "long", 97.0, 0.05), [97.0])
                    assert _close(candidate([], "short", 50.0, 0.1), [])
                    assert _raises(candidate, ValueError, [100.0], "long", 90.0, 1.5)
                """,
                [
                    """
                    if not 0.0 < trail_pct < 1.0:
                        raise ValueError("trail_pct must lie strictly between 0 and 1")
                    if side not in ("long", "short"):
                        raise ValueError(f"unknown side {side!r}")
                    out = []
                    for c in closes:
                        if side == "long":
                            out.append(c * (1.0 - trail_pct))
                        else:
                            out.append(c * (1.0 + trail_pct))
                    return out
                    """,
                    """
                    if not 0.0 < trail_pct < 1.0:
                        raise ValueError("trail_pct must lie strictly between 0 and 1")
                    if side not in ("long", "short"):
                        raise ValueError(f"unknown side {side!r}")
                    level = None
                    out = []
                    for c in closes:
                        if side == "long":
                            cand = c * (1.0 - trail_pct)
                            level = cand if level is None else max(level, cand)
                        else:
                            cand = c * (1.0 + trail_pct)
                            level = cand if level is None else min(level, cand)
                        out.append(level)
                    return out
                    """,
                    """
                    if not 0.0 < trail_pct < 1.0:
                        raise ValueError("trail_pct must lie strictly between 0 and 1")
                    if side not in ("long", "short"):
                        raise ValueError(f"unknown side {side!r}")
                    level = initial_stop
                    out = []
                    for c in closes:
                        level = max(level, c * (1.0 - trail_pct))
                        out.append(level)
                    return out
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "risk_based_sizing",
        "position_sizing_risk",
        [
            spec(
                "units_for_dollar_risk",
                "medium",
                '''
                import math


                def units_for_dollar_risk(
                    risk_amount: float, entry: float, stop: float, lot_size: float
                ) -> float:
                    """Order quantity that loses about ``risk_amount`` (quote currency) at the stop.

                    The raw quantity is ``risk_amount / |entry - stop|`` (longs and shorts alike);
                    it is cut *down* to a whole number of ``lot_size`` lots, so the realised risk
                    never exceeds the budget. Count the lots with
                    ``math.floor(raw / lot_size + 1e-9)`` (the tolerance absorbs binary rounding)
                    and return ``round(lots * lot_size, 12)``; a budget below one lot gives 0.0.
                    Raise ``ValueError`` if ``entry == stop`` or ``lot_size <= 0``.

                    >>> units_for_dollar_risk(250.0, 30_000.0, 29_200.0, 0.01)
                    0.31
                    """
                ''',
                """
                if lot_size <= 0:
                    raise ValueError("lot_size must be positive")
                distance = abs(entry - stop)
                if distance == 0:
                    raise ValueError("entry and stop coincide")
                lots = math.floor(risk_amount / distance / lot_size + 1e-9)
                return round(lots * lot_size, 12)
                """,
                """
                def check(candidate):
                    assert _close(candidate(250.0, 30_000.0, 29_200.0, 0.01), 0.31)
                    assert _close(candidate(250.0, 30_000.0, 29_200.0, 0.1), 0.3)
                    assert _close(candidate(100.0, 2_000.0, 2_050.0, 0.5), 2.0)
                    assert _close(candidate(3.0, 11.0, 1.0, 0.1), 0.3)
                    assert _close(candidate(190.0, 100.0, 90.0, 5.0), 15.0)
                    assert _close(candidate(1.0, 30_000.0, 29_000.0, 0.01), 0.0)
                    assert _raises(candidate, ValueError, 100.0, 50.0, 50.0, 0.1)
                """,
                [
                    """
                    if lot_size <= 0:
                        raise ValueError("lot_size must be positive")
                    distance = abs(entry - stop)
                    if distance == 0:
                        raise ValueError("entry and stop coincide")
                    lots = math.floor(risk_amount / distance / lot_size)
                    return round(lots * lot_size, 12)
                    """,
                    """
                    if lot_size <= 0:
                        raise ValueError("lot_size must be positive")
                    distance = abs(entry - stop)
                    if distance == 0:
                        raise ValueError("entry and stop coincide")
                    lots = round(risk_amount / distance / lot_size)
                    return round(lots * lot_size, 12)
                    """,
                    """
                    if lot_size <= 0:
                        raise ValueError("lot_size must be positive")
                    distance = entry - stop
                    if distance == 0:
                        raise ValueError("entry and stop coincide")
                    lots = math.floor(risk_amount / distance / lot_size + 1e-9)
                    return round(lots * lot_size, 12)
                    """,
                ],
            ),
            spec(
                "leverage_capped_quantity",
                "easy",
                '''
                def leverage_capped_quantity(
                    desired_qty: float,
                    price: float,
                    equity: float,
                    max_leverage: float,
                    existing_notional: float = 0.0,
                ) -> float:
                    """Largest quantity up to ``desired_qty`` that keeps account leverage capped.

                    Total notional may not exceed ``max_leverage * equity``; positions already
                    open use ``existing_notional`` of it (a gross, non-negative amount). The
                    result is ``min(desired_qty, room / price)`` where ``room`` is the unused
                    notional, and never negative (0.0 once the cap is used up). Raise
                    ``ValueError`` if ``price``, ``equity`` or ``max_leverage`` is not positive.

                    >>> leverage_capped_quantity(2.0, 50_000.0, 10_000.0, 5.0, 20_000.0)
                    0.6
                    """
                ''',
                """
                if price <= 0 or equity <= 0 or max_leverage <= 0:
                    raise ValueError("price, equity and max_leverage must be positive")
                room = max_leverage * equity - existing_notional
                if room <= 0:
                    return 0.0
                return min(desired_qty, room / price)
                """,
                """
                def check(candidate):
                    assert _close(candidate(2.0, 50_000.0, 10_000.0, 5.0, 20_000.0), 0.6)
                    assert _close(candidate(0.5, 50_000.0, 10_000.0, 5.0, 20_000.0), 0.5)
                    assert _close(candidate(2.0, 50_000.0, 10_000.0, 5.0), 1.0)
                    assert _close(candidate(2.0, 50_000.0, 10_000.0, 5.0, 60_000.0), 0.0)
                    assert _raises(candidate, ValueError, 1.0, 0.0, 10_000.0, 5.0)
                """,
                [
                    """
                    if price <= 0 or equity <= 0 or max_leverage <= 0:
                        raise ValueError("price, equity and max_leverage must be positive")
                    room = max_leverage * equity - existing_notional
                    return min(desired_qty, room / price)
                    """,
                    """
                    if price <= 0 or equity <= 0 or max_leverage <= 0:
                        raise ValueError("price, equity and max_leverage must be positive")
                    room = max_leverage * equity
                    return min(desired_qty, room / price)
                    """,
                    """
                    if price <= 0 or equity <= 0 or max_leverage <= 0:
                        raise ValueError("price, equity and max_leverage must be positive")
                    room = equity / max_leverage - existing_notional
                    if room <= 0:
                        return 0.0
                    return min(desired_qty, room / price)
                    """,
                ],
            ),
            spec(
                "pyramid_add_sizes",
                "medium",
                '''
                def pyramid_add_sizes(total_qty: float, levels: int, ratio: float) -> list[float]:
                    """Split a total position into ``levels`` pyramiding tranches.

                    Each tranche is ``ratio`` times the one before (``ratio < 1`` builds a
                    classic pyramid with the biggest piece first) and the tranches add up to
                    ``total_qty``: the first is ``total_qty * (1 - ratio) / (1 - ratio ** levels)``
                    or, when ``ratio == 1``, ``total_qty / levels``. Raise ``ValueError`` if
                    ``levels < 1`` or ``ratio <= 0``.

                    >>> pyramid_add_sizes(7.0, 3, 0.5)
                    [4.0, 2.0, 1.0]
                    """
                ''',
                """
                if levels < 1:
                    raise ValueError("levels must be at least 1")
                if ratio <= 0:
                    raise ValueError("ratio must be positive")
                if ratio == 1:
                    head = total_qty / levels
                else:
                    head = total_qty * (1.0 - ratio) / (1.0 - ratio**levels)
                return [head * ratio**k for k in range(levels)]
                """,
                """
                def check(candidate):
                    assert _close(candidate(7.0, 3, 0.5), [4.0, 2.0, 1.0])
                    assert _close(candidate(7.0, 3, 2.0), [1.0, 2.0, 4.0])
                    assert _close(candidate(6.0, 3, 1.0), [2.0, 2.0, 2.0])
                    assert _close(candidate(1.5, 1, 0.3), [1.5])
                    assert _raises(candidate, ValueError, 1.0, 0, 0.5)
                """,
                [
                    """
                    if levels < 1:
                        raise ValueError("levels must be at least 1")
                    if ratio <= 0:
                        raise ValueError("ratio must be positive")
                    head = total_qty / levels
                    return [head * ratio**k for k in range(levels)]
                    """,
                    """
                    if levels < 1:
                        raise ValueError("levels must be at least 1")
                    if ratio <= 0:
                        raise ValueError("ratio must be positive")
                    if ratio == 1:
                        head = total_qty / levels
                    else:
                        head = total_qty * (1.0 - ratio) / (1.0 - ratio ** (levels + 1))
                    return [head * ratio**k for k in range(levels)]
                    """,
                ],
            ),
        ],
    ),
    FunctionFamily(
        "exposure_limits",
        "position_sizing_risk",
        [
            spec(
                "gross_net_exposure",
                "easy",
                '''
                def gross_net_exposure(
                    quantities: dict[str, float], prices: dict[str, float], equity: float
                ) -> tuple[float, float]:
                    """Gross and net exposure of signed positions, as multiples of equity.

                    Notional of an asset is ``quantity * price`` (negative for a short). Gross
                    exposure is the sum of absolute notionals over equity, net exposure the
                    signed sum over equity; return ``(gross, net)``. Raise ``ValueError`` if
                    ``equity <= 0`` or an asset has no price.

                    >>> prices = {"BTC": 50_000.0, "ETH": 2_500.0}
                    >>> gross_net_exposure({"BTC": 0.3, "ETH": -2.0}, prices, 10_000.0)
                    (2.0, 1.0)
                    """
                ''',
                """
                if equity <= 0:
                    raise ValueError("equity must be positive")
                gross = 0.0
                net = 0.0
                for asset, qty in quantities.items():
                    if asset not in prices:
                        raise ValueError(f"no price for {asset}")
                    value = qty * prices[asset]
                    gross += abs(value)
                    net += value
                return gross / equity, net / equity
                """,
                """
                def check(candidate):
                    px = {"BTC": 50_000.0, "ETH": 2_500.0}
                    assert _close(candidate({"BTC": 0.3, "ETH": -2.0}, px, 10_000.0), (2.0, 1.0))
                    px = {"BTC": 40_000.0, "ETH": 2_000.0}
                    assert _close(candidate({"BTC": -0.1, "ETH": 1.0}, px, 4_000.0), (1.5, -0.5))
                    assert _close(candidate({}, {}, 1_000.0), (0.0, 0.0))
                    assert _raises(candidate, ValueError, {"SOL": 1.0}, px, 1_000.0)
                    assert _raises(candidate, ValueError, {"BTC": 1.0}, px, 0.0)
                """,
                [
                    """
                    if equity <= 0:
                        raise ValueError("equity must be positive")
                    gross = 0.0
                    net = 0.0
                    for asset, qty in quantities.items():
                        if asset not in prices:
                            raise ValueError(f"no price for {asset}")
                        value = qty * prices[asset]
                        gross += abs(value)
                        net += value
                    return gross / equity, abs(net) / equity
                    """,
                    """
                    if equity <= 0:
                        raise ValueError("equity must be positive")
                    gross = 0.0
                    net = 0.0
                    for asset, qty in quantities.items():
                        if asset not in prices:
                            raise ValueError(f"no price for {asset}")
                        value = qty * prices[asset]
                        gross += value
                        net += value
                    return gross / equity, net / equity
                    """,
                ],
            ),
            spec(
                "exposure_cap_trims",
                "medium",
                '''
                def exposure_cap_trims(
                    notionals: dict[str, float], equity: float, cap: float
                ) -> dict[str, float]:
                    """Quote-currency trades that bring every position back under a per-asset cap.

                    An asset breaches the cap when ``|notional| > cap * equity`` (exactly at the
                    cap is fine). For each breaching asset return the signed notional to trade so
                    that it ends exactly at the cap on its own side: negative (sell) to shrink a
                    long, positive (buy back) to shrink a short. Assets within the cap are left
                    out. Raise ``ValueError`` if ``equity <= 0`` or ``cap <= 0``.

                    >>> book = {"BTC": 6000.0, "ETH": -4000.0, "SOL": 1000.0}
                    >>> exposure_cap_trims(book, 10_000.0, 0.3)
                    {'BTC': -3000.0, 'ETH': 1000.0}
                    """
                ''',
                """
                if equity <= 0 or cap <= 0:
                    raise ValueError("equity and cap must be positive")
                limit = cap * equity
                trims = {}
                for asset, value in notionals.items():
                    if abs(value) > limit:
                        target = limit if value > 0 else -limit
                        trims[asset] = target - value
                return trims
                """,
                """
                def check(candidate):
                    got = candidate({"BTC": 6000.0, "ETH": -4000.0, "SOL": 1000.0}, 10_000.0, 0.3)
                    assert _close(got, {"BTC": -3000.0, "ETH": 1000.0})
                    got = candidate({"BTC": 2500.0, "ETH": -2600.0}, 10_000.0, 0.25)
                    assert _close(got, {"ETH": 100.0})
                    assert _close(candidate({}, 5_000.0, 0.2), {})
                    assert _raises(candidate, ValueError, {"BTC": 1.0}, 0.0, 0.2)
                """,
                [
                    """
                    if equity <= 0 or cap <= 0:
                        raise ValueError("equity and cap must be positive")
                    limit = cap * equity
                    trims = {}
                    for asset, value in notionals.items():
                        if abs(value) > limit:
                            trims[asset] = limit - value
                    return trims
                    """,
                    """
                    if equity <= 0 or cap <= 0:
                        raise ValueError("equity and cap must be positive")
                    limit = cap * equity
                    trims = {}
                    for asset, value in notionals.items():
                        if abs(value) >= limit:
                            target = limit if value > 0 else -limit
                            trims[asset] = target - value
                    return trims
                    """,
                    """
                    if equity <= 0 or cap <= 0:
                        raise ValueError("equity and cap must be positive")
                    limit = cap * equity
                    trims = {}
                    for asset, value in notionals.items():
                        if value > limit:
                            trims[asset] = limit - value
                    return trims
                    """,
                ],
            ),
            spec(
                "portfolio_heat",
                "medium",
                '''
                def portfolio_heat(
                    positions: list[tuple[float, float, float]], equity: float
                ) -> float:
                    """Total open risk of a book as a fraction of equity ("portfolio heat").

                    Each position is ``(quantity, entry, stop)`` with a signed quantity (negative
                    for a short). A long loses ``quantity * (entry - stop)`` if stopped, a short
                    ``|quantity| * (stop - entry)``; a stop already on the profitable side of entry
                    locks in gains and counts as zero risk, never as negative. Return the summed
                    risk divided by equity. Raise ``ValueError`` if ``equity <= 0``.

                    >>> book = [(0.5, 30_000.0, 29_000.0), (-10.0, 2_000.0, 2_100.0)]
                    >>> portfolio_heat(book, 10_000.0)
                    0.15
                    """
                ''',
                """
                if equity <= 0:
                    raise ValueError("equity must be positive")
                at_risk = 0.0
                for qty, entry, stop in positions:
                    if qty > 0:
                        at_risk += qty * max(0.0, entry - stop)
                    elif qty < 0:
                        at_risk += -qty * max(0.0, stop - entry)
                return at_risk / equity
                """,
                """
                def check(candidate):
                    book = [(0.5, 30_000.0, 29_000.0), (-10.0, 2_000.0, 2_100.0)]
                    assert _close(candidate(book, 10_000.0), 0.15)
                    assert _close(candidate(book + [(100.0, 1.0, 1.1)], 10_000.0), 0.15)
                    mixed = [(-5.0, 100.0, 90.0), (2.0, 50.0, 45.0)]
                    assert _close(candidate(mixed, 1_000.0), 0.01)
                    assert _close(candidate([], 1_000.0), 0.0)
                    assert _raises(candidate, ValueError, book, 0.0)
                """,
                [
                    """
                    if equity <= 0:
                        raise ValueError("equity must be positive")
                    at_risk = 0.0
                    for qty, entry, stop in positions:
                        at_risk += abs(qty) * abs(entry - stop)
                    return at_risk / equity
                    """,
                    """
                    if equity <= 0:
                        raise ValueError("equity must be positive")
                    at_risk = 0.0
                    for qty, entry, stop in positions:
                        at_risk += abs(qty) * max(0.0, entry - stop)
                    return at_risk / equity
                    """,
                    """
                    if equity <= 0:
                        raise ValueError("equity must be positive")
                    at_risk = 0.0
                    for qty, entry, stop in positions:
                        at_risk += qty * (entry - stop)
                    return at_risk / equity
                    """,
                ],
            ),
        ],
    ),
]
