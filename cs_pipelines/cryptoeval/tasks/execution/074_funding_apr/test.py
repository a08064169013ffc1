def check(candidate):
    assert _close(candidate(0.0001), 0.1095)
    assert _close(candidate(0.0001, 1.0), 0.876)
    assert _close(candidate(-0.0002, 4.0), -0.438)
