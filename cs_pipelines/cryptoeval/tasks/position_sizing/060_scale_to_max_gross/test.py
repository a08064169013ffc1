def check(candidate):
    assert _close(candidate({"BTC": 1.0, "ETH": -1.0}, 1.5), {"BTC": 0.75, "ETH": -0.75})
    assert _close(candidate({"BTC": 0.5, "ETH": 0.25}, 1.0), {"BTC": 0.5, "ETH": 0.25})
    got = candidate({"A": 2.0, "B": 1.0, "C": -1.0}, 2.0)
    assert _close(got, {"A": 1.0, "B": 0.5, "C": -0.5})
