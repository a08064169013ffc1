def check(candidate):
    tp = [10.0, 11.0, 10.5, 12.0]
    want = [nan, nan, 100 * 22 / 53.5, 100 * 48 / 79.5]
    assert _close(candidate(tp, tp, tp, [1.0, 2.0, 3.0, 4.0], 2), want)
    got = candidate([11.0, 14.0], [9.0, 10.0], [10.0, 9.5], [1.0, 1.0], 1)
    assert _close(got, [nan, 100.0])
    flat = [5.0] * 3
    assert _close(candidate(flat, flat, flat, [1.0] * 3, 2), [nan, nan, 50.0])
