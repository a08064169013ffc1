def check(candidate):
    got = candidate({"BTC": 0.7, "ETH": 0.3}, {"BTC": 0.5, "ETH": 0.5}, 0.1)
    assert _close(got, {"BTC": -0.1, "ETH": 0.1})
    assert _close(candidate({"A": 0.55}, {"A": 0.5}, 0.1), {})
    got = candidate({"A": 0.25, "B": 0.75}, {"A": 0.5, "C": 0.5}, 0.05)
    assert _close(got, {"A": 0.2, "B": -0.7, "C": 0.45})
