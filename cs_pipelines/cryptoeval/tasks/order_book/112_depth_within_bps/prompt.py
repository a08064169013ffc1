def depth_within_bps(levels: list[tuple[float, float]], mid: float, bps: float) -> float:
    """Quote notional (``sum(price * qty)``) resting within ``bps`` basis points of
    ``mid`` on one side of the book; a level at exactly the boundary counts.

    A level is inside when ``abs(price - mid) / mid * 10_000 <= bps`` (with a ``1e-9``
    tolerance for float noise). Works for either side.

    >>> depth_within_bps([(101.0, 2.0), (102.0, 1.0), (103.0, 9.0)], 100.0, 200)
    304.0
    """
