def check(candidate):
    got = candidate([10, 11, 12, 13, 14], [9, 10, 11, 12, 13], 0.1, 0.2)
    assert _close(got, [9, 9, 9, 9.6, 10.28])
    h = [10, 11, 12, 11, 9, 8]
    lo = [9, 10, 11, 9, 7, 7.5]
    assert _close(candidate(h, lo, 0.1, 0.2), [9, 9, 9, 12, 12, 11])
    assert _close(candidate([], []), [])
    assert _raises(candidate, ValueError, [1.0], [1.0], 0.3, 0.2)
