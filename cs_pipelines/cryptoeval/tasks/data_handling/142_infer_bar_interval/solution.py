from collections import Counter


def infer_bar_interval(timestamps_ms: list[int]) -> int:
    """Bar interval of a sorted timestamp series: the most common positive difference
    between consecutive timestamps (ties go to the smaller difference). Gaps and the odd
    misaligned bar must not change the answer. Raise ``ValueError`` with fewer than two
    distinct timestamps.

    >>> infer_bar_interval([0, 60_000, 120_000, 125_000, 180_000, 240_000])
    60000
    """
    diffs = [b - a for a, b in zip(timestamps_ms, timestamps_ms[1:]) if b > a]
    if not diffs:
        raise ValueError("need at least two distinct timestamps")
    counts = Counter(diffs)
    return min(counts, key=lambda d: (-counts[d], d))
