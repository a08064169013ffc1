def check(candidate):
    w = {"BTC": 0.5, "ETH": 0.5}
    px = {"BTC": 50_000.0, "ETH": 2_500.0}
    assert _close(candidate(10_000.0, w, px, 0.1), {"BTC": 0.09, "ETH": 1.8})
    got = candidate(1_000.0, {"SOL": 0.3}, {"SOL": 20.0, "BTC": 1.0}, 0.0)
    assert _close(got, {"SOL": 15.0})
    assert _raises(candidate, ValueError, 1_000.0, w, px, 1.0)
    assert _raises(candidate, ValueError, 1_000.0, {"BTC": 0.7, "ETH": 0.5}, px, 0.0)
