def check(candidate):
    r = [0.02, -0.01, 0.03, -0.02]
    assert _close(candidate(r), 0.005 / math.sqrt(1.25e-4) * math.sqrt(365))
    assert _close(candidate(r, 0.01, 12), -0.005 / math.sqrt(3.25e-4) * math.sqrt(12))
    assert candidate([0.01, 0.02]) == math.inf
    assert math.isnan(candidate([0.0, 0.0]))
