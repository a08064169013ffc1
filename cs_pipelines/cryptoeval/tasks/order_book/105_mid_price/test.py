def check(candidate):
    bids, asks = [(99.0, 1.0), (98.0, 2.0)], [(101.0, 1.0), (102.0, 5.0)]
    assert _close(candidate(bids, asks), 100.0)
    assert _close(candidate([(10.0, 1.0), (9.0, 1.0)], [(10.5, 1.0)]), 10.25)
    assert _close(candidate([(99.0, 3.0)], [(101.0, 1.0)]), 100.0)
    assert math.isnan(candidate([], [(1.0, 1.0)]))
    assert math.isnan(candidate([(1.0, 1.0)], []))
