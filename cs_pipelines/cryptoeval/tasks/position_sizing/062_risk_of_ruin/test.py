def check(candidate):
    assert _close(candidate(0.6, 10), (2.0 / 3.0) ** 10)
    assert _close(candidate(0.55, 20), (0.45 / 0.55) ** 20)
    assert _close(candidate(0.5, 5), 1.0)
    assert _close(candidate(0.4, 5), 1.0)
