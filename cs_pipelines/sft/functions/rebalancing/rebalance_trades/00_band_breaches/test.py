def check(candidate):
    vals = {"BTC": 510.0, "ETH": 360.0, "SOL": 130.0}
    tgt = {"BTC": 0.5, "ETH": 0.4, "SOL": 0.1}
    assert candidate(vals, tgt, 0.05, 0.25) == {"BTC": False, "ETH": False, "SOL": True}
    got = candidate({"BTC": 700.0, "DOGE": 300.0}, {"BTC": 1.0}, 0.05, 0.25)
    assert got == {"BTC": True, "DOGE": True}
    got = candidate({"BTC": 980.0, "ETH": 20.0}, {"BTC": 0.98, "ETH": 0.02}, 0.05, 0.25)
    assert got == {"BTC": False, "ETH": False}
    assert _raises(candidate, ValueError, {}, tgt, 0.05, 0.25)
