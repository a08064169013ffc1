def check(candidate):
    assert _close(candidate([0.05, -0.02, 0.03, -0.01]), 0.05 / 0.03)
    assert _close(candidate([-0.01, -0.03]), -1.0)
    assert candidate([0.01, 0.02]) == math.inf
    assert _raises(candidate, ValueError, [])
