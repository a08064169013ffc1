def check(candidate):
    r = [0.01, -0.01, 0.02, 0.0]
    vol = math.sqrt(5e-4 / 3) * math.sqrt(365)
    assert _close(candidate(r, 0.2, 3.0), 0.2 / vol)
    assert _close(candidate(r, 0.5, 3.0), 0.5 / vol)
    assert _close(candidate(r, 1.0, 2.0), 2.0)
    assert _close(candidate([0.01, 0.01], 0.5, 1.5), 1.5)
