def check(candidate):
    assert _close(candidate(0.4, 300.0, 100.0), 60.0)
    assert _close(candidate(0.4, 300.0, -100.0), 60.0)
    assert _close(candidate(0.25, 100.0, 50.0), -12.5)
    assert _close(candidate(1.0, 80.0, 500.0), 80.0)
    assert _raises(candidate, ValueError, 1.2, 10.0, 5.0)
