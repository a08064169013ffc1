def check(candidate):
    assert _close(candidate(100.0, 95.0, 2.0), 110.0)
    assert _close(candidate(100.0, 104.0, 1.5), 94.0)
    assert _close(candidate(10.0, 20.0, 2.0), 0.0)
    assert _raises(candidate, ValueError, 50.0, 50.0, 2.0)
