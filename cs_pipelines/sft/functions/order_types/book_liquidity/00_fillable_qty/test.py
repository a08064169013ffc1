def check(candidate):
    asks = [(100.0, 1.0), (101.0, 2.0), (102.0, 5.0)]
    bids = [(99.0, 1.0), (98.0, 2.0), (97.0, 4.0)]
    assert _close(candidate(asks, "buy", 101.0), 3.0)
    assert _close(candidate(asks, "buy", 99.9), 0.0)
    assert _close(candidate(bids, "sell", 98.0), 3.0)
    assert _close(candidate(bids, "sell", 96.0), 7.0)
