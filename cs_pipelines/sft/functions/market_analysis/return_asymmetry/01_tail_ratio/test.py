def check(candidate):
    r = [0.01, -0.05, 0.08, 0.0, -0.02, 0.03, -0.01, 0.04, 0.01, -0.03, 0.02]
    assert _close(candidate(r), 0.06 / 0.04)
    assert _close(candidate(r, 0.9), 0.04 / 0.03)
    assert candidate([0.0, 0.0, 0.0, 0.01]) == math.inf
    assert _raises(candidate, ValueError, [0.01])
    assert _raises(candidate, ValueError, r, 0.3)
