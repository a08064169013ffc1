def check(candidate):
    assert _close(candidate([100.0, 90.0, 100.0, 80.0]), math.sqrt(125.0))
    assert _close(candidate([1.0, 2.0, 3.0]), 0.0, abs_tol=1e-12)
    assert _close(candidate([]), 0.0, abs_tol=1e-12)
