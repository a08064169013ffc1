def check(candidate):
    assert _close(candidate(0.001, 0.0004), 1.25)
    assert _close(candidate(0.001, 0.0004, fraction=1.0), 2.5)
    assert _close(candidate(0.004, 0.0004), 3.0)
    assert _close(candidate(-0.004, 0.0004, 1.0, 2.0), -2.0)
    assert _raises(candidate, ValueError, 0.001, 0.0)
