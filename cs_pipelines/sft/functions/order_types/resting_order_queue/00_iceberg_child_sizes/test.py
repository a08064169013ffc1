def check(candidate):
    assert _close(candidate(10.0, 3.0), [3.0, 3.0, 3.0, 1.0])
    assert _close(candidate(9.0, 3.0), [3.0, 3.0, 3.0])
    assert _close(candidate(1.0, 0.3), [0.3, 0.3, 0.3, 0.1])
    assert candidate(0.0, 5.0) == []
    assert _raises(candidate, ValueError, 5.0, 0.0)
