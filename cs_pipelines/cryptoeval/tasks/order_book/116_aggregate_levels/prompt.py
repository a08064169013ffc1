import math


def aggregate_levels(
    levels: list[tuple[float, float]], bucket: float, side: str
) -> list[tuple[float, float]]:
    """Group book levels into coarser price buckets (as exchange UIs do).

    Bids round *down* to a multiple of ``bucket`` and asks round *up*, so a bucket never
    shows a better price than really exists. Use ``math.floor(p / bucket + 1e-9)`` /
    ``math.ceil(p / bucket - 1e-9)`` and ``round(n * bucket, 12)``. Sum quantities per
    bucket and return ``(price, qty)`` best first (bids descending, asks ascending).

    >>> aggregate_levels([(100.07, 1.0), (100.02, 2.0), (99.96, 3.0)], 0.1, "bid")
    [(100.0, 3.0), (99.9, 3.0)]
    """
