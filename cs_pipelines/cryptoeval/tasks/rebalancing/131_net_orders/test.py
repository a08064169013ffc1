def check(candidate):
    got = candidate({"BTC": 0.5, "ETH": -2.0}, {"BTC": -0.5, "SOL": 10.0})
    assert _close(got, {"ETH": -2.0, "SOL": 10.0})
    assert _close(candidate({"ETH": 1.0}, {"ETH": 0.5}), {"ETH": 1.5})
