def check(candidate):
    assert _close(candidate(10_000.0, 0.01, 50_000.0, 49_000.0), 0.1)
    assert _close(candidate(10_000.0, 0.02, 2_000.0, 2_100.0), 2.0)
    assert _raises(candidate, ValueError, 1.0, 0.01, 5.0, 5.0)
