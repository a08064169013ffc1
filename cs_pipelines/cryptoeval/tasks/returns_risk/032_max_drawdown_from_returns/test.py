def check(candidate):
    assert _close(candidate([-0.1, 0.05, -0.2]), 0.244)
    assert _close(candidate([0.5, -0.5]), 0.5)
    assert _close(candidate([0.1, 0.1]), 0.0, abs_tol=1e-12)
    assert _close(candidate([]), 0.0, abs_tol=1e-12)
