from collections import Counter


def infer_bar_interval(timestamps_ms: list[int]) -> int:
    diffs = [b - a for a, b in zip(timestamps_ms, timestamps_ms[1:]) if b > a]
    if not diffs:
        raise ValueError("need at least two distinct timestamps")
    return Counter(diffs).most_common(1)[0][0]
