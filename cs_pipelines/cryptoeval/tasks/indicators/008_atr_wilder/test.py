def check(candidate):
    h, l, c = [10, 12, 13, 11], [9, 10, 11, 8], [9.5, 11, 12, 9]
    assert _close(candidate(h, l, c, 2), [nan, 1.75, 1.875, 2.9375])
    assert _close(candidate(h, l, c, 4), [nan, nan, nan, 2.375])
    assert _close(candidate(h[:1], l[:1], c[:1], 2), [nan])
