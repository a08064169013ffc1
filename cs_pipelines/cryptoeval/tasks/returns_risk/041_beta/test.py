def check(candidate):
    assert _close(candidate([0.02, -0.01, 0.03], [0.01, -0.01, 0.02]), 19.0 / 14.0)
    assert _close(candidate([0.02, -0.02], [0.01, -0.01]), 2.0)
    assert _raises(candidate, ValueError, [0.01, 0.02], [0.01])
