def check(candidate):
    r = [0.01, -0.01, 0.02, 0.0]
    assert _close(candidate(r), math.sqrt(5e-4 / 3) * math.sqrt(365))
    assert _close(candidate(r, 24 * 365), math.sqrt(5e-4 / 3) * math.sqrt(8760))
    assert _close(candidate([0.01, 0.01]), 0.0, abs_tol=1e-12)
    assert _raises(candidate, ValueError, [0.01])
