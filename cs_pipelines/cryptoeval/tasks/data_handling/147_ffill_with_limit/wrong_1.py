import math


def ffill_with_limit(values: list[float], limit: int) -> list[float]:
    out = []
    last = math.nan
    for v in values:
        if math.isnan(v):
            out.append(last)
        else:
            last = v
            out.append(v)
    return out
