def check(candidate):
    assert _close(candidate([1.0, 2.0, 3.0, 2.0, 3.0], 2), [nan, nan, 100.0, 50.0, 75.0])
    assert _close(candidate([5.0, 5.0, 5.0], 2), [nan, nan, 50.0])
    assert _close(candidate([3.0, 2.0, 1.0], 2), [nan, nan, 0.0])
    assert _close(candidate([1.0, 2.0], 2), [nan, nan])
    out = candidate([10.0, 11.0, 10.5, 12.0, 11.0, 11.5, 13.0], 3)
    assert all(math.isnan(x) for x in out[:3])
    assert all(0.0 <= x <= 100.0 for x in out[3:])
