def check(candidate):
    assert _close(candidate([math.log(1.1), math.log(1.1)]), 0.21)
    assert _close(candidate([]), 0.0, abs_tol=1e-12)
    assert _close(candidate([math.log(2.0), math.log(0.25)]), -0.5)
