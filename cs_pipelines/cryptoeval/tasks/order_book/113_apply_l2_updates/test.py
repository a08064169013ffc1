def check(candidate):
    book = {100.0: 1.0, 99.0: 2.0}
    got = candidate("bid", book, [(100.0, 0.0), (98.5, 3.0)])
    assert _close(got, [(99.0, 2.0), (98.5, 3.0)])
    assert _close(book, {100.0: 1.0, 99.0: 2.0})
    got = candidate("ask", {101.0: 1.0}, [(101.0, 4.0), (100.5, 1.0), (102.0, 0.0)])
    assert _close(got, [(100.5, 1.0), (101.0, 4.0)])
