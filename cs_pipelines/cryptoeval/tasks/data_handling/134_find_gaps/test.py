def check(candidate):
    ts = [0, 60_000, 240_000, 300_000, 420_000]
    assert candidate(ts, 60_000) == [(120_000, 180_000), (360_000, 360_000)]
    assert candidate([0, 60_000, 120_000], 60_000) == []
    assert candidate([], 60_000) == []
    assert candidate([0, 7_200_000], 3_600_000) == [(3_600_000, 3_600_000)]
