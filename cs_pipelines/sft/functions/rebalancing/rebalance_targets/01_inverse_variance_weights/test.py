def check(candidate):
    assert _close(candidate({"BTC": 0.5, "ETH": 1.0}), {"BTC": 0.8, "ETH": 0.2})
    got = candidate({"A": 0.1, "B": 0.2, "C": 0.4})
    assert _close(got, {"A": 16 / 21, "B": 4 / 21, "C": 1 / 21})
    assert _close(candidate({"SOL": 0.9}), {"SOL": 1.0})
    assert _raises(candidate, ValueError, {"A": 0.0})
    assert _raises(candidate, ValueError, {})
