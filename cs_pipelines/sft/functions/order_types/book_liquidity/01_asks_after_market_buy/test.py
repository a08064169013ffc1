def check(candidate):
    asks = [(100.0, 1.0), (101.0, 2.0), (102.0, 5.0)]
    assert _close(candidate(asks, 2.5), [(101.0, 0.5), (102.0, 5.0)])
    assert _close(candidate(asks, 3.0), [(102.0, 5.0)])
    assert _close(candidate(asks, 0.0), asks)
    assert _close(candidate(asks, 8.0), [])
    assert _raises(candidate, ValueError, asks, 9.0)
