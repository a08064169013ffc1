def check(candidate):
    assert _close(candidate(3.0, 4.0, 1.0, 2.0), (1.5, 4.0))
    got = candidate(2_000.0, 2_001.0, 40_000.0, 40_010.0)
    assert _close(got, (2_000.0 / 40_010.0, 2_001.0 / 40_000.0))
    assert _raises(candidate, ValueError, 0.0, 1.0, 1.0, 1.0)
    assert _raises(candidate, ValueError, 5.0, 4.0, 1.0, 2.0)
