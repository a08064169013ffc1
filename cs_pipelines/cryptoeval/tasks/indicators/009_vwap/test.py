def check(candidate):
    h, l = [11.0, 12.0], [9.0, 10.0]
    assert _close(candidate(h, l, [10.0, 11.0], [1.0, 3.0]), [10.0, 10.75])
    tp0 = (11.0 + 9.0 + 10.5) / 3
    got = candidate([11.0, 12.0], [9.0, 10.0], [10.5, 11.0], [1.0, 3.0])
    assert _close(got, [tp0, (tp0 + 33.0) / 4])
    assert _close(candidate(h, l, [10.0, 11.0], [0.0, 2.0]), [nan, 11.0])
