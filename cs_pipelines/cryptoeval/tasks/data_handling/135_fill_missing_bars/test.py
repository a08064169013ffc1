def check(candidate):
    rows = [[0, 10, 11, 9, 10.5, 5], [180_000, 11, 12, 10, 11.5, 7]]
    want = [
        [0, 10, 11, 9, 10.5, 5],
        [60_000, 10.5, 10.5, 10.5, 10.5, 0],
        [120_000, 10.5, 10.5, 10.5, 10.5, 0],
        [180_000, 11, 12, 10, 11.5, 7],
    ]
    assert _close(candidate(rows, 60_000), want)
    assert _close(candidate(rows[:1], 60_000), rows[:1])
    assert _close(candidate([], 60_000), [])
