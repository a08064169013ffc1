def check(candidate):
    assert _close(candidate(0.0, 0.0, 1.0, 100.0), (1.0, 100.0, 0.0))
    assert _close(candidate(1.0, 100.0, 1.0, 110.0), (2.0, 105.0, 0.0))
    assert _close(candidate(2.0, 105.0, -1.0, 120.0), (1.0, 105.0, 15.0))
    assert _close(candidate(1.0, 105.0, -3.0, 90.0), (-2.0, 90.0, -15.0))
    assert _close(candidate(-2.0, 50.0, 1.0, 40.0), (-1.0, 50.0, 10.0))
    assert _close(candidate(-2.0, 50.0, -2.0, 60.0), (-4.0, 55.0, 0.0))
    assert _close(candidate(1.0, 100.0, -1.0, 100.0), (0.0, 0.0, 0.0))
