def check(candidate):
    got = candidate({"BTC": 1.0, "ETH": 10.0}, {"BTC": 30_000.0, "ETH": 2_000.0}, 10_000.0)
    assert _close(got, {"BTC": 0.5, "ETH": 1 / 3})
    assert _close(candidate({"SOL": 2.0}, {"SOL": 50.0}, 0.0), {"SOL": 1.0})
