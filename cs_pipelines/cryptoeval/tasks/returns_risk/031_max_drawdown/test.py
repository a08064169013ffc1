def check(candidate):
    assert _close(candidate([100.0, 120.0, 90.0, 110.0, 80.0, 130.0]), 40.0 / 120.0)
    assert _close(candidate([1.0, 2.0, 3.0]), 0.0, abs_tol=1e-12)
    assert _close(candidate([]), 0.0, abs_tol=1e-12)
    assert _close(candidate([10.0, 5.0, 20.0, 15.0]), 0.5)
