def check(candidate):
    bids = [(99.0, 1.0), (98.0, 3.0)]
    asks = [(101.0, 1.0), (103.0, 1.0)]
    assert _close(candidate(bids, asks, 2), 100.125)
    assert _close(candidate(bids, asks, 1), 100.0)
    deep = [(101.0, 2.0), (103.0, 2.0), (110.0, 100.0)]
    assert _close(candidate([(99.0, 1.0)], deep, 3), (99.0 + 11_408.0 / 104.0) / 2)
    assert _raises(candidate, ValueError, bids, asks, 0)
