def check(candidate):
    got = candidate({"BTC": 0.52, "ETH": 0.48}, {"BTC": 0.5, "ETH": 0.4, "SOL": 0.1}, 0.05)
    assert got == ["ETH", "SOL"]
    assert candidate({"A": 0.06}, {"A": 0.03}, 0.05) == []
    assert candidate({"Z": 0.2, "A": 0.8}, {}, 0.1) == ["A", "Z"]
