def find_gaps(timestamps_ms: list[int], interval_ms: int) -> list[tuple[int, int]]:
    """Missing bars in a sorted series of bar timestamps.

    Wherever two consecutive timestamps are more than ``interval_ms`` apart, report the
    inclusive range of missing bar timestamps ``(prev + interval_ms, next - interval_ms)``.

    >>> find_gaps([0, 60_000, 240_000, 300_000, 420_000], 60_000)
    [(120000, 180000), (360000, 360000)]
    """
    gaps = []
    for prev, nxt in zip(timestamps_ms, timestamps_ms[1:]):
        if nxt - prev > interval_ms:
            gaps.append((prev, nxt))
    return gaps
