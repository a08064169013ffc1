def check(candidate):
    assert _close(candidate(10_000.0, "long", 0.0001, 0.0, 24.0), 3.0)
    assert _close(candidate(10_000.0, "short", 0.0001, 1.0, 17.0), -2.0)
    assert _close(candidate(5_000.0, "long", -0.0002, 7.5, 8.0), -1.0)
    assert _close(candidate(10_000.0, "long", 0.0001, 9.0, 15.0), 0.0)
    assert _raises(candidate, ValueError, 10_000.0, "long", 0.0001, 10.0, 2.0)
