def find_gaps(timestamps_ms: list[int], interval_ms: int) -> list[tuple[int, int]]:
    gaps = []
    for prev, nxt in zip(timestamps_ms, timestamps_ms[1:]):
        if nxt - prev > interval_ms:
            gaps.append((prev + interval_ms, nxt))
    return gaps
