def check(candidate):
    h = [10.0, 12.0, 11.0, 13.0]
    lo = [9.0, 10.0, 9.0, 11.0]
    c = [9.5, 11.0, 10.0, 12.5]
    assert _close(candidate(h, lo, c, 2, 1.0), [nan, 10.25, 9.75, 10.5])
    assert _close(candidate(h, lo, c, 2), [nan, 6.75, 5.25, 5.5])
    assert _close(candidate(h, lo, c, 4, 2.0), [nan, nan, nan, 13.0 - 2 * 8.5 / 4])
    assert _raises(candidate, ValueError, h, lo, c[:3], 2)
