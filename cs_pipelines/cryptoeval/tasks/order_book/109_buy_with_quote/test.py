def check(candidate):
    assert _close(candidate([(100.0, 1.0), (200.0, 1.0)], 150.0), 1.25)
    assert _close(candidate([(100.0, 1.0), (200.0, 1.0)], 300.0), 2.0)
    assert _close(candidate([(50.0, 10.0)], 100.0), 2.0)
    assert _close(candidate([(100.0, 1.0), (200.0, 1.0), (400.0, 1.0)], 500.0), 2.5)
    assert _raises(candidate, ValueError, [(100.0, 1.0)], 101.0)
