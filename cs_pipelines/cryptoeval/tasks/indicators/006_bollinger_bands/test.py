def check(candidate):
    lo, mid, up = candidate([1.0, 2.0, 3.0, 4.0], 2, 2.0)
    assert _close(lo, [nan, 0.5, 1.5, 2.5])
    assert _close(mid, [nan, 1.5, 2.5, 3.5])
    assert _close(up, [nan, 2.5, 3.5, 4.5])
    lo, mid, up = candidate([2.0, 4.0, 6.0], 3, 1.0)
    sd = math.sqrt(8.0 / 3.0)
    assert _close(lo, [nan, nan, 4.0 - sd]) and _close(up, [nan, nan, 4.0 + sd])
