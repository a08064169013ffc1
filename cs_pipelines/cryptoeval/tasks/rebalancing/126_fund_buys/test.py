def check(candidate):
    got = candidate(100.0, {"ETH": 500.0}, {"BTC": 400.0, "SOL": 200.0}, 0.0)
    assert _close(got, {"BTC": 400.0, "SOL": 200.0})
    got = candidate(100.0, {"ETH": 500.0}, {"BTC": 400.0, "SOL": 200.0}, 0.001)
    f = 599.5 / 600.6
    assert _close(got, {"BTC": 400.0 * f, "SOL": 200.0 * f})
    assert _close(sum(got.values()) * 1.001, 599.5)
    got = candidate(0.0, {}, {"BTC": 10.0}, 0.001)
    assert _close(got, {"BTC": 0.0}, abs_tol=1e-12)
