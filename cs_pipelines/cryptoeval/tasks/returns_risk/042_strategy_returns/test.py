def check(candidate):
    got = candidate([1, 1, 0, -1], [0.1, 0.05, -0.02, 0.03], 0.001)
    assert _close(got, [-0.001, 0.05, -0.021, -0.001], abs_tol=1e-12)
    got = candidate([-1, 1], [0.02, 0.04], 0.0005)
    assert _close(got, [-0.0005, -0.04 - 0.001], abs_tol=1e-12)
    assert _close(candidate([], [], 0.001), [])
