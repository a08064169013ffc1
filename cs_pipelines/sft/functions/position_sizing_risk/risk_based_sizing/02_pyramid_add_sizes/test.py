def check(candidate):
    assert _close(candidate(7.0, 3, 0.5), [4.0, 2.0, 1.0])
    assert _close(candidate(7.0, 3, 2.0), [1.0, 2.0, 4.0])
    assert _close(candidate(6.0, 3, 1.0), [2.0, 2.0, 2.0])
    assert _close(candidate(1.5, 1, 0.3), [1.5])
    assert _raises(candidate, ValueError, 1.0, 0, 0.5)
