def check(candidate):
    vals = {"BTC": 600.0, "ETH": 300.0, "SOL": 100.0}
    w = {"BTC": 0.5, "ETH": 0.3, "SOL": 0.2}
    assert _close(candidate(vals, w, 200.0), {"BTC": 0.0, "ETH": 60.0, "SOL": 140.0})
    assert _close(candidate(vals, w, 100.0), {"BTC": 0.0, "ETH": 20.0, "SOL": 80.0})
    got = candidate({"BTC": 1_000.0}, {"BTC": 0.5, "ETH": 0.5}, 500.0)
    assert _close(got, {"BTC": 0.0, "ETH": 500.0})
    assert _close(candidate(vals, w, 0.0), {"BTC": 0.0, "ETH": 0.0, "SOL": 0.0})
    assert _raises(candidate, ValueError, vals, {"BTC": 0.5, "ETH": 0.4}, 100.0)
