def check(candidate):
    assert _close(candidate([0.0, 0.0, 0.0, 0.0, 0.05]), 5.0)
    expected = (5 * (348.5 / 156.25 - 3) + 6) * 3 / 2
    assert _close(candidate([1.0, 2.0, 3.0, 10.0]), expected)
    assert math.isnan(candidate([0.01, 0.01, 0.01, 0.01]))
    assert _raises(candidate, ValueError, [0.01, 0.02, 0.03])
