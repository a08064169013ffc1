def check(candidate):
    got = candidate([10, 11, 11, 10, 12], [100, 200, 300, 400, 500])
    assert _close(got, [0, 200, 200, -200, 300])
    assert _close(candidate([5.0, 4.0], [1.5, 2.5]), [0, -2.5])
    assert _close(candidate([], []), [])
