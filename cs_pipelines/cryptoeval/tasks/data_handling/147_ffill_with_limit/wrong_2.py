import math


def ffill_with_limit(values: list[float], limit: int) -> list[float]:
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
