def check(candidate):
    prices = {"BTC": 30_000.0, "ETH": 2_000.0, "SOL": 100.0}
    targets = {"BTC": 0.5, "SOL": 0.2}
    got = candidate({"BTC": 1.0, "ETH": 10.0}, prices, 10_000.0, targets, 10.0)
    assert _close(got, {"ETH": -10.0, "SOL": 120.0})
    assert _close(candidate({"BTC": 1.0}, prices, 3.0, {"BTC": 1.0}, 5.0), {})
    assert _close(candidate({"BTC": 1.0}, prices, 3.0, {"BTC": 1.0}, 2.0), {"BTC": 0.0001})
