def check(candidate):
    assert _close(candidate(100.0, 121.0, 730), 0.1)
    assert _close(candidate(100.0, 50.0, 365), -0.5)
    assert _close(candidate(100.0, 110.0, 182.5), 0.21)
    assert _raises(candidate, ValueError, 100.0, 110.0, 0)
