def check(candidate):
    assert _close(candidate(1000.0, 2000.0, 10.0), 10.0 / 1010.0)
    assert _close(candidate(50.0, 1.0, 50.0), 0.5)
