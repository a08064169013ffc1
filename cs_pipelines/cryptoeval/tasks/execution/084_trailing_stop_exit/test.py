def check(candidate):
    bars = [(100, 110, 101, 109), (109, 112, 98, 100)]
    assert _close(candidate(100.0, 0.1, bars), (1, 99.0))
    gap = [(100, 110, 101, 109), (95, 96, 90, 92)]
    assert _close(candidate(100.0, 0.1, gap), (1, 95.0))
    assert candidate(100.0, 0.1, [(100, 105, 96, 104)]) is None
    assert _close(candidate(100.0, 0.05, [(100, 101, 94, 95)]), (0, 95.0))
