def check(candidate):
    h = [10, 12, 11, 14, 13]
    lo = [8, 9, 7, 10, 9]
    c = [9, 11, 8, 13, 10]
    plus, minus = candidate(h, lo, c, 2)
    assert _close(plus, [nan, nan, 200 / 7, 400 / 9.5, 200 / 8.75])
    assert _close(minus, [nan, nan, 200 / 7, 100 / 9.5, 150 / 8.75])
    assert _close(candidate([5, 5], [5, 5], [5, 5], 1), ([nan, 0.0], [nan, 0.0]))
    assert _close(candidate(h[:2], lo[:2], c[:2], 3), ([nan, nan], [nan, nan]))
    assert _raises(candidate, ValueError, h, lo, c[:3], 2)
