def check(candidate):
    r = [0.02, -0.01, 0.03, -0.02]
    assert _close(candidate(r), 5.0 / 3.0)
    assert _close(candidate(r, 0.01), 0.6)
    assert candidate([0.01, 0.02]) == math.inf
