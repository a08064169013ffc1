def check(candidate):
    assert _close(candidate(100.0, 200.0, 50.0, 5.0), (10.0, 20.0))
    assert _close(candidate(100.0, 200.0, 50.0, 50.0), (100.0, 200.0))
    assert _raises(candidate, ValueError, 1.0, 1.0, 1.0, 2.0)
