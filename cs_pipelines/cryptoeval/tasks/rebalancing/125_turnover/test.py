def check(candidate):
    new = {"BTC": 0.3, "ETH": 0.3, "SOL": 0.4}
    assert _close(candidate({"BTC": 0.5, "ETH": 0.5}, new), 0.4)
    assert _close(candidate({"BTC": 1.0}, {"ETH": 1.0}), 1.0)
    assert _close(candidate({"BTC": 1.0}, {"BTC": 1.0}), 0.0, abs_tol=1e-12)
