import math


def aggregate_levels(
    levels: list[tuple[float, float]], bucket: float, side: str
) -> list[tuple[float, float]]:
    buckets = {}
    for price, qty in levels:
        key = round(round(price / bucket) * bucket, 12)
        buckets[key] = buckets.get(key, 0.0) + qty
    return sorted(buckets.items(), reverse=(side == "bid"))
