import math


def funding_over_holding(
    notional: float,
    side: str,
    rate_per_interval: float,
    entry_hour: float,
    exit_hour: float,
    interval_hours: float = 8.0,
) -> float:
    """Funding a perpetual position pays while held, with a constant rate.

    Hours are counted from the Unix epoch (UTC), and funding settles at every whole
    multiple of ``interval_hours`` (00:00, 08:00, 16:00 for 8h). A settlement at
    ``t`` applies when ``entry_hour < t <= exit_hour``, so the number of
    settlements is ``floor(exit_hour / interval_hours) - floor(entry_hour /
    interval_hours)``. Each one costs a ``"long"`` ``notional * rate_per_interval``
    and credits a ``"short"`` the same amount. Return the total cost (positive =
    paid, negative = received).

    Raise ``ValueError`` if ``exit_hour < entry_hour`` or the side is unknown.

    >>> funding_over_holding(10_000.0, "long", 0.0001, 0.0, 24.0)
    3.0
    """
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
