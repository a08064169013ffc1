def check(candidate):
    assert _close(candidate(99.0, 101.0), 200.0)
    assert _close(candidate(30_000.0, 30_001.0), 1.0 / 30_000.5 * 10_000.0)
