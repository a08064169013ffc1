def check(candidate):
    book = [(100.0, 1.0), (101.0, 2.0), (103.0, 5.0)]
    assert _close(candidate(book, 2.0), 100.5)
    assert _close(candidate(book, 0.5), 100.0)
    assert _close(candidate(book, 4.0), (100.0 + 202.0 + 103.0) / 4.0)
    assert _close(candidate(book, 8.0), (100.0 + 202.0 + 515.0) / 8.0)
    assert _raises(candidate, ValueError, book, 8.5)
    assert _raises(candidate, ValueError, book, 0.0)
