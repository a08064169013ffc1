def check(candidate):
    got = candidate([1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 5.0, 9.0])
    assert _close(got, 11 / math.sqrt(130))
    assert _close(candidate([1.0, 2.0, 3.0], [3.0, 2.0, 1.0]), -1.0)
    assert math.isnan(candidate([1.0, 1.0, 1.0], [1.0, 2.0, 3.0]))
    assert _raises(candidate, ValueError, [1.0, 2.0], [1.0])
