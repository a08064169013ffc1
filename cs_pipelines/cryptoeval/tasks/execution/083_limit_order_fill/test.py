def check(candidate):
    assert candidate("buy", 100.0, [(102, 103, 100, 101)]) is None
    got = candidate("buy", 100.0, [(102, 103, 100, 101), (101, 101, 99, 100)])
    assert _close(got, (1, 100.0))
    assert _close(candidate("buy", 100.0, [(99, 100, 98, 99)]), (0, 99.0))
    got = candidate("sell", 110.0, [(105, 110, 104, 109), (108, 111, 107, 110)])
    assert _close(got, (1, 110.0))
    assert _close(candidate("sell", 110.0, [(112, 113, 111, 112)]), (0, 112.0))
