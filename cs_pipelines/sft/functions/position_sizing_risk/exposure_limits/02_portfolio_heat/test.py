def check(candidate):
    book = [(0.5, 30_000.0, 29_000.0), (-10.0, 2_000.0, 2_100.0)]
    assert _close(candidate(book, 10_000.0), 0.15)
    assert _close(candidate(book + [(100.0, 1.0, 1.1)], 10_000.0), 0.15)
    mixed = [(-5.0, 100.0, 90.0), (2.0, 50.0, 45.0)]
    assert _close(candidate(mixed, 1_000.0), 0.01)
    assert _close(candidate([], 1_000.0), 0.0)
    assert _raises(candidate, ValueError, book, 0.0)
