def check(candidate):
    got = candidate({"BTC": 0.6, "USDT": 0.4}, {"BTC": 0.5})
    assert _close(got, {"BTC": 0.9 / 1.3, "USDT": 0.4 / 1.3})
    got = candidate({"A": 0.5, "B": 0.5}, {"A": -0.5, "B": 0.5})
    assert _close(got, {"A": 0.25, "B": 0.75})
