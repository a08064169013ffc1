def check(candidate):
    assert _close(candidate({"BTC": 0.5, "ETH": 1.0}), {"BTC": 2 / 3, "ETH": 1 / 3})
    got = candidate({"A": 0.2, "B": 0.4, "C": 0.8})
    assert _close(got, {"A": 4 / 7, "B": 2 / 7, "C": 1 / 7})
