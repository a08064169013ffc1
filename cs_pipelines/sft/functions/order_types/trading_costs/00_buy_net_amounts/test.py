def check(candidate):
    assert _close(candidate(2.0, 100.0, 0.001, "base"), (1.998, 200.0))
    assert _close(candidate(2.0, 100.0, 0.001, "quote"), (2.0, 200.2))
    assert _close(candidate(0.5, 30_000.0, 0.0, "base"), (0.5, 15_000.0))
    assert _raises(candidate, ValueError, 1.0, 1.0, 0.001, "bnb")
