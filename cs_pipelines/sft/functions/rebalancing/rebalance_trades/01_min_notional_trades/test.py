def check(candidate):
    cur = {"BTC": 0.10, "ETH": 2.0, "SOL": 10.0}
    tgt = {"BTC": 0.12, "ETH": 1.0, "SOL": 10.05, "ADA": 100.0}
    px = {"BTC": 50_000.0, "ETH": 3_000.0, "SOL": 100.0, "ADA": 0.5}
    want = [("ETH", -1.0), ("ADA", 100.0), ("BTC", 0.02)]
    assert _close(candidate(cur, tgt, px, 10.0), want)
    assert _close(candidate({"X": 1.0}, {"X": 2.0}, {"X": 10.0}, 10.0), [("X", 1.0)])
    assert candidate({"X": 1.0}, {"X": 1.0}, {"X": 10.0}, 0.0) == []
