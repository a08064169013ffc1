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
    years = (len(equity) - 1) / 252
    growth = (equity[-1] / equity[0]) ** (1.0 / years) - 1.0
    peak = equity[0]
    mdd = 0.0
    for v in equity:
        peak = max(peak, v)
        mdd = max(mdd, (peak - v) / peak)
    return math.inf if mdd == 0 else growth / mdd
