def check(candidate):
    asks = [(101.0, 2.0), (102.0, 1.0), (103.0, 9.0)]
    assert _close(candidate(asks, 100.0, 200), 304.0)
    assert _close(candidate(asks, 100.0, 150), 202.0)
    bids = [(99.9, 1.0), (99.0, 2.0)]
    assert _close(candidate(bids, 100.0, 10), 99.9)
