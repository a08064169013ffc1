def check(candidate):
    rows = [
        [0, 10, 12, 9, 11, 1],
        [60_000, 11, 13, 10, 12, 2],
        [120_000, 12, 12, 8, 9, 3],
        [180_000, 9, 10, 9, 10, 4],
        [300_000, 10, 15, 10, 14, 5],
    ]
    want = [[0, 10, 13, 8, 9, 6], [180_000, 9, 15, 9, 14, 9]]
    assert _close(candidate(rows, 180_000), want)
    assert _close(candidate(rows, 60_000), rows)
    assert _close(candidate(rows[3:], 3_600_000), [[0, 9, 15, 9, 14, 9]])
    one = [[7_200_000, 1, 2, 0.5, 1.5, 0.25]]
    assert _close(candidate(one, 3_600_000), one)
