def check(candidate):
    assert _close(candidate(10_000.0, 0.01, 100.0, 90.0, 0.001), 100.0 / 10.19)
    assert _close(candidate(10_000.0, 0.01, 100.0, 110.0, 0.0005), 100.0 / 10.105)
    assert _close(candidate(1_000.0, 0.05, 20.0, 19.0, 0.0), 50.0)
