def check(candidate):
    s = [0.02, -0.01, 0.03, 0.01]
    b = [0.01, -0.02, 0.02, 0.0]
    assert _close(candidate(s, b), 0.025 / 0.015)
    assert _close(candidate([0.01, 0.01, -0.05], [0.02, 0.04, -0.03]), 1 / 3)
    assert _raises(candidate, ValueError, [0.01, 0.02], [-0.01, 0.0])
    assert _raises(candidate, ValueError, [0.01], [0.01, 0.02])
