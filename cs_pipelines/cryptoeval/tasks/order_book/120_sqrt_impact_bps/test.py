def check(candidate):
    assert _close(candidate(1e6, 1e8, 0.04), 40.0)
    assert _close(candidate(4e6, 1e8, 0.04, 0.5), 40.0)
