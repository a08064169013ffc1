def check(candidate):
    h, lo, c = [11, 12, 15], [9, 10, 13.5], [10, 11, 14]
    got = candidate(h, lo, c, 3, 2, 1.0)
    assert _close(got, ([nan, 8.5, 9.25], [10.0, 10.5, 12.25], [nan, 12.5, 15.25]))
    got = candidate(h, lo, c, 1, 1, 2.0)
    assert _close(got, ([6.0, 7.0, 6.0], [10.0, 11.0, 14.0], [14.0, 15.0, 22.0]))
    assert _close(candidate([], [], [], 3, 2), ([], [], []))
    assert _raises(candidate, ValueError, [1.0, 2.0], [1.0], [1.0, 2.0])
