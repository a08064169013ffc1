def check(candidate):
    got = candidate([100.0, 120.0, 90.0, 130.0, 117.0])
    assert _close(got, [0.0, 0.0, -0.25, 0.0, -0.1], abs_tol=1e-12)
    assert _close(candidate([50.0, 40.0, 30.0]), [0.0, -0.2, -0.4], abs_tol=1e-12)
    assert _close(candidate([]), [])
    assert _raises(candidate, ValueError, [10.0, 0.0])
