def check(candidate):
    got = candidate([1.0, 2.0, 3.0, 4.0, 5.0], [1.0, 3.0, 2.0, 5.0, 4.0], 3)
    assert _close(got, [nan, nan, 0.5, math.sqrt(3 / 7), math.sqrt(3 / 7)])
    got = candidate([1.0, 1.0, 1.0, 2.0], [1.0, 2.0, 3.0, 4.0], 3)
    assert _close(got, [nan, nan, nan, math.sqrt(3) / 2])
    assert _close(candidate([1.0, 2.0], [2.0, 4.0], 2), [nan, 1.0])
    assert _raises(candidate, ValueError, [1.0, 2.0, 3.0], [1.0, 2.0, 3.0], 1)
