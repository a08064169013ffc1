def check(candidate):
    assert _close(candidate(250.0, 30_000.0, 29_200.0, 0.01), 0.31)
    assert _close(candidate(250.0, 30_000.0, 29_200.0, 0.1), 0.3)
    assert _close(candidate(100.0, 2_000.0, 2_050.0, 0.5), 2.0)
    assert _close(candidate(3.0, 11.0, 1.0, 0.1), 0.3)
    assert _close(candidate(190.0, 100.0, 90.0, 5.0), 15.0)
    assert _close(candidate(1.0, 30_000.0, 29_000.0, 0.01), 0.0)
    assert _raises(candidate, ValueError, 100.0, 50.0, 50.0, 0.1)
