def check(candidate):
    assert _close(candidate(10_000.0, 20_000.0, 20_100.0, 5.0), 10_000.0 / 24_020.0)
    assert _close(candidate(3_000.0, 1_000.0, 1_000.0, 2.0), 2.0)
