def check(candidate):
    bars = [{"A": 1.0, "B": 1.0}, {"A": 2.0, "B": 1.0}, {"A": 1.0, "B": 1.0}]
    target = {"A": 0.5, "B": 0.5}
    assert _close(candidate(bars, target, 100.0, 0.1), (112.5, 2))
    assert _close(candidate(bars, target, 100.0, 0.2), (100.0, 0))
    bars = [{"A": 1.0, "B": 1.0}, {"A": 2.0, "B": 1.0}, {"A": 2.2, "B": 1.0}]
    assert _close(candidate(bars, target, 100.0, 0.1), (157.5, 1))
