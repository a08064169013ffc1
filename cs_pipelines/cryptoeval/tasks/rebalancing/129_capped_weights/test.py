def check(candidate):
    got = candidate({"A": 6.0, "B": 3.0, "C": 1.0}, 0.5)
    assert _close(got, {"A": 0.5, "B": 0.375, "C": 0.125})
    got = candidate({"A": 5.0, "B": 4.0, "C": 1.0}, 0.42)
    assert _close(got, {"A": 0.42, "B": 0.42, "C": 0.16})
    assert _close(candidate({"A": 1.0, "B": 0.0, "C": 1.0}, 0.6), {"A": 0.5, "C": 0.5})
    assert _raises(candidate, ValueError, {"A": 1.0, "B": 1.0}, 0.4)
