def check(candidate):
    assert _close(candidate([0.0, 0.0, 0.0, 0.0, 0.05]), math.sqrt(20) / 2)
    expected = math.sqrt(12) / 2 * 45 / 12.5**1.5
    assert _close(candidate([1.0, 2.0, 3.0, 10.0]), expected)
    assert _close(candidate([0.01, 0.02, 0.03]), 0.0, abs_tol=1e-9)
    assert math.isnan(candidate([0.02, 0.02, 0.02]))
    assert _raises(candidate, ValueError, [0.01, 0.02])
