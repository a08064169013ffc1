def check(candidate):
    px = {"BTC": 50_000.0, "ETH": 2_500.0}
    assert _close(candidate({"BTC": 0.3, "ETH": -2.0}, px, 10_000.0), (2.0, 1.0))
    px = {"BTC": 40_000.0, "ETH": 2_000.0}
    assert _close(candidate({"BTC": -0.1, "ETH": 1.0}, px, 4_000.0), (1.5, -0.5))
    assert _close(candidate({}, {}, 1_000.0), (0.0, 0.0))
    assert _raises(candidate, ValueError, {"SOL": 1.0}, px, 1_000.0)
    assert _raises(candidate, ValueError, {"BTC": 1.0}, px, 0.0)
