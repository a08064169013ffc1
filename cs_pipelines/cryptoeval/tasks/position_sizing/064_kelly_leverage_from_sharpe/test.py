def check(candidate):
    assert _close(candidate(1.0, 0.5), 2.0)
    assert _close(candidate(1.5, 0.8), 1.875)
