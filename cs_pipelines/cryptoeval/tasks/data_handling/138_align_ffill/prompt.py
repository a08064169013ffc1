import math


def align_ffill(
    a: list[tuple[int, float]], b: list[tuple[int, float]]
) -> list[tuple[int, float, float]]:
    """Align two sorted ``(ts, value)`` series on the union of their timestamps.

    Return ``(ts, a_value, b_value)`` for every timestamp in either series, in order.
    A series without a value at ``ts`` carries its last earlier value forward (never a
    later one: that would leak the future); before its first value it is ``nan``.

    >>> align_ffill([(1, 10.0), (3, 30.0)], [(2, 200.0)])
    [(1, 10.0, nan), (2, 10.0, 200.0), (3, 30.0, 200.0)]
    """
