def check(candidate):
    bids = [(99.0, 3.0), (98.0, 1.0)]
    asks = [(101.0, 1.0), (102.0, 4.0)]
    assert _close(candidate(bids, asks, 1), 0.5)
    assert _close(candidate(bids, asks, 2), -1.0 / 9.0)
    assert _close(candidate([], [], 3), 0.0, abs_tol=1e-12)
