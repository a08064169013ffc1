def check(candidate):
    got = candidate({"BTC": 6000.0, "ETH": -4000.0, "SOL": 1000.0}, 10_000.0, 0.3)
    assert _close(got, {"BTC": -3000.0, "ETH": 1000.0})
    got = candidate({"BTC": 2500.0, "ETH": -2600.0}, 10_000.0, 0.25)
    assert _close(got, {"ETH": 100.0})
    assert _close(candidate({}, 5_000.0, 0.2), {})
    assert _raises(candidate, ValueError, {"BTC": 1.0}, 0.0, 0.2)
