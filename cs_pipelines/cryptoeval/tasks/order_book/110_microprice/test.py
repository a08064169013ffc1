def check(candidate):
    assert _close(candidate(99.0, 3.0, 101.0, 1.0), 100.5)
    assert _close(candidate(99.0, 1.0, 101.0, 1.0), 100.0)
    assert _close(candidate(10.0, 0.0, 11.0, 2.0), 10.0)
