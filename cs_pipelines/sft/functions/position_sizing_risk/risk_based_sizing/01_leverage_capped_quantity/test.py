def check(candidate):
    assert _close(candidate(2.0, 50_000.0, 10_000.0, 5.0, 20_000.0), 0.6)
    assert _close(candidate(0.5, 50_000.0, 10_000.0, 5.0, 20_000.0), 0.5)
    assert _close(candidate(2.0, 50_000.0, 10_000.0, 5.0), 1.0)
    assert _close(candidate(2.0, 50_000.0, 10_000.0, 5.0, 60_000.0), 0.0)
    assert _raises(candidate, ValueError, 1.0, 0.0, 10_000.0, 5.0)
