import math


def calmar_ratio(equity: list[float], periods_per_year: int = 365) -> float:
    years = len(equity) / periods_per_year
    growth = (equity[-1] / equity[0]) ** (1.0 / years) - 1.0
    peak = equity[0]
    mdd = 0.0
    for v in equity:
        peak = max(peak, v)
        mdd = max(mdd, (peak - v) / peak)
    return math.inf if mdd == 0 else growth / mdd
