def check(candidate):
    s, b = [0.02, 0.01, 0.03], [0.01, 0.02, 0.0]
    assert _close(candidate(s, b), 0.5 * math.sqrt(365))
    assert _close(candidate(s, b, 12), 0.5 * math.sqrt(12))
    assert math.isnan(candidate([0.5, 0.75], [0.25, 0.5]))
