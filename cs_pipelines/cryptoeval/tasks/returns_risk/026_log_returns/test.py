def check(candidate):
    assert _close(candidate([100.0, 110.0, 99.0]), [math.log(1.1), math.log(0.9)])
    r = candidate([1.0, 2.0, 1.0])
    assert _close(sum(r), 0.0, abs_tol=1e-12)
    assert _raises(candidate, ValueError, [1.0, 0.0])
