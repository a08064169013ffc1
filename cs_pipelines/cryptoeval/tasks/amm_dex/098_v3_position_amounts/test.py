def check(candidate):
    assert _close(candidate(1000.0, 2.25, 1.0, 4.0), (1000.0 / 6.0, 500.0))
    assert _close(candidate(1000.0, 0.5, 1.0, 4.0), (500.0, 0.0))
    assert _close(candidate(1000.0, 9.0, 1.0, 4.0), (0.0, 1000.0))
