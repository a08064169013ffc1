def check(candidate):
    ts = [0, 60_000, 180_000, 240_000]
    closes = [100.0, 110.0, 121.0, 110.0]
    rows = [[t, 1, 1, 1, c, 1] for t, c in zip(ts, closes)]
    assert _close(candidate(rows, 60_000), [nan, 0.1, nan, 110.0 / 121.0 - 1])
    assert _close(candidate([], 60_000), [])
