def check(candidate):
    rows = [[ts, 1, 1, 1, 1, 1] for ts in (0, 60_000, 120_000)]
    assert [r[0] for r in candidate(rows, 150_000, 60_000)] == [0, 60_000]
    assert [r[0] for r in candidate(rows, 180_000, 60_000)] == [0, 60_000, 120_000]
    assert candidate(rows, 59_999, 60_000) == []
