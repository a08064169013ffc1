def check(candidate):
    assert _close(candidate([100.0, 220.0, 231.0], [0.0, 100.0, 0.0]), 0.26)
    assert _close(candidate([100.0, 60.0], [0.0, -50.0]), 0.1)
    assert _close(candidate([100.0], [0.0]), 0.0, abs_tol=1e-12)
