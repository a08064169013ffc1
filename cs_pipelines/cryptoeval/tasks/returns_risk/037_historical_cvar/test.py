def check(candidate):
    r = [-0.05, 0.01, -0.02, 0.03, -0.01, 0.02, 0.0, -0.03, 0.04, 0.01]
    assert _close(candidate(r, 0.8), 0.04)
    assert _close(candidate(r, 0.7), 0.1 / 3)
    assert _close(candidate(r), 0.05)
