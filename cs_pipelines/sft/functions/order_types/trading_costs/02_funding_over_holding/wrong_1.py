import math


def funding_over_holding(
    notional: float,
    side: str,
    rate_per_interval: float,
    entry_hour: float,
    exit_hour: float,
    interval_hours: float = 8.0,
) -> float:
    if exit_hour < entry_hour:
        raise ValueError("exit_hour is before entry_hour")
    if side not in ("long", "short"):
        raise ValueError(f"unknown side {side!r}")
    settlements = (
        math.floor(exit_hour / interval_hours)
        - math.ceil(entry_hour / interval_hours)
        + 1
    )
    sign = 1.0 if side == "long" else -1.0
    return sign * settlements * notional * rate_per_interval
