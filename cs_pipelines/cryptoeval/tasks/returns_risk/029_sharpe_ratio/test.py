def check(candidate):
    r = [0.01, 0.02, 0.0, 0.03]
    sd = math.sqrt(5e-4 / 3)
    assert _close(candidate(r), 0.015 / sd * math.sqrt(365))
    assert _close(candidate(r, 0.0365), 0.0149 / sd * math.sqrt(365))
    assert _close(candidate(r, 0.0, 12), 0.015 / sd * math.sqrt(12))
    assert math.isnan(candidate([0.01, 0.01, 0.01]))
    assert math.isnan(candidate([0.01]))
