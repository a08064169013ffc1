def check(candidate):
    prices = {"BTC": 30_000.0, "ETH": 2_000.0}
    steps = {"BTC": 0.001, "ETH": 0.01}
    got = candidate({"BTC": 0.5}, prices, 5_000.0, {"BTC": 0.5, "ETH": 0.3}, steps, 10.0)
    assert _close(got, {"BTC": -0.166, "ETH": 3.0})
    got = candidate({}, prices, 100.0, {"ETH": 0.12}, {"ETH": 0.005}, 11.0)
    assert _close(got, {})
    got = candidate({"ETH": 1.0}, prices, 0.0, {}, steps, 10.0)
    assert _close(got, {"ETH": -1.0})
