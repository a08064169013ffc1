def check(candidate):
    assert _close(candidate(20_000.0, 20_200.0, 73), 0.05)
    assert _close(candidate(100.0, 99.0, 36.5), -0.1)
    assert _raises(candidate, ValueError, 100.0, 101.0, 0)
