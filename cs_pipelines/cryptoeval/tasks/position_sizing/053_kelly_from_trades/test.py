def check(candidate):
    assert _close(candidate([10, 10, -5, 20, -10]), 0.375)
    assert _close(candidate([]), 0.0, abs_tol=1e-12)
    assert _close(candidate([-1, -2]), 0.0, abs_tol=1e-12)
    assert _close(candidate([3, 4]), 1.0)
    assert _close(candidate([1, -3]), 0.0, abs_tol=1e-12)
