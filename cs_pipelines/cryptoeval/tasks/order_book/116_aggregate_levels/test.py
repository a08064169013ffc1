def check(candidate):
    bids = [(100.07, 1.0), (100.02, 2.0), (99.96, 3.0)]
    assert _close(candidate(bids, 0.1, "bid"), [(100.0, 3.0), (99.9, 3.0)])
    asks = [(100.11, 1.0), (100.14, 2.0), (100.25, 1.0)]
    assert _close(candidate(asks, 0.1, "ask"), [(100.2, 3.0), (100.3, 1.0)])
    assert _close(candidate([(0.3, 1.0)], 0.1, "bid"), [(0.3, 1.0)])
