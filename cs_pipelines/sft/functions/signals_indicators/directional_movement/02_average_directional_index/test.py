def check(candidate):
    h = [10, 12, 11, 14, 13]
    lo = [8, 9, 7, 10, 9]
    c = [9, 11, 8, 13, 10]
    assert _close(candidate(h, lo, c, 2), [nan, nan, nan, 30.0, 155 / 7])
    assert _close(candidate(h, lo, c, 1), [nan, 100.0, 100.0, 100.0, 100.0])
    assert _close(candidate(h[:3], lo[:3], c[:3], 2), [nan, nan, nan])
    assert _raises(candidate, ValueError, h, lo, c, 0)
