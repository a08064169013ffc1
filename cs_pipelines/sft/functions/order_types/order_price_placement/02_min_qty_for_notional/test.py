def check(candidate):
    assert _close(candidate(2_000.0, 5.0, 0.001), 0.003)
    assert _close(candidate(30_000.0, 10.0, 0.0001), 0.0004)
    assert _close(candidate(100.0, 10.0, 0.1), 0.1)
    assert _raises(candidate, ValueError, 0.0, 10.0, 0.1)
