def check(candidate):
    assert _close(candidate(1.0, 3, 0.001), [0.333, 0.333, 0.334])
    assert _close(candidate(0.9, 3, 0.1), [0.3, 0.3, 0.3])
    assert _close(candidate(5.0, 1, 0.01), [5.0])
    got = candidate(2.0, 7, 0.01)
    assert _close(sum(got), 2.0) and _close(got[:-1], [0.28] * 6)
