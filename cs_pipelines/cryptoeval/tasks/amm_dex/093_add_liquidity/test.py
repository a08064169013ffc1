def check(candidate):
    assert _close(candidate(100.0, 200.0, 50.0, 10.0, 30.0), (5.0, 10.0, 20.0))
    assert _close(candidate(100.0, 200.0, 50.0, 30.0, 20.0), (5.0, 10.0, 20.0))
    assert _close(candidate(0.0, 0.0, 0.0, 4.0, 9.0), (6.0, 4.0, 9.0))
