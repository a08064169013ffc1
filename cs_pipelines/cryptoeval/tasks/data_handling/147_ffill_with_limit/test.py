def check(candidate):
    got = candidate([1.0, nan, nan, nan, 5.0, nan], 2)
    assert _close(got, [1.0, 1.0, 1.0, nan, 5.0, 5.0])
    assert _close(candidate([nan, 2.0, nan], 1), [nan, 2.0, 2.0])
    assert _close(candidate([3.0, nan], 0), [3.0, nan])
