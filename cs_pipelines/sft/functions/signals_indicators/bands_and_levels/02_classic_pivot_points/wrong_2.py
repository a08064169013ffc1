def classic_pivot_points(high: float, low: float, close: float) -> dict[str, float]:
    if high < low or not low <= close <= high:
        raise ValueError("inconsistent session: need low <= close <= high")
    pp = (high + low + close) / 3
    span = high - low
    return {
        "pp": pp,
        "r1": 2 * pp - low,
        "r2": pp + span,
        "r3": pp + 2 * span,
        "s1": 2 * pp - high,
        "s2": pp - span,
        "s3": pp - 2 * span,
    }
