def check(candidate):
    assert _close(candidate(1_000_000.0, 0.003, 10_000_000.0), 0.1095)
    assert _close(candidate(50_000.0, 0.0005, 1_000_000.0), 0.009125)
