def check(candidate):
    assert _close(candidate(1_000.0, 40_000.0, 0.05, 2_010.0, 0.0), 5.0)
    got = candidate(1_000.0, 40_000.0, 0.05, 2_010.0, 0.001)
    assert _close(got, 1_005.0 * 0.999**3 - 1_000.0)
    assert _close(candidate(1_000.0, 40_000.0, 0.05, 1_990.0, 0.0), -5.0)
    assert _raises(candidate, ValueError, 0.0, 40_000.0, 0.05, 2_010.0, 0.0)
