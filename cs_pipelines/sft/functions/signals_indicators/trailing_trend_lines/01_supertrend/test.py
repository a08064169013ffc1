def check(candidate):
    h = [11, 12, 13, 12, 10, 12]
    lo = [9, 10, 11, 9, 8, 10]
    c = [10, 11, 12, 9.5, 8.5, 11.8]
    line, direction = candidate(h, lo, c, 2, 1.0)
    assert _close(line, [nan, 9.0, 10.0, 13.0, 11.5, 8.25])
    assert direction == [0, 1, 1, -1, -1, 1]
    assert _close(candidate(h[:1], lo[:1], c[:1], 2, 1.0), ([nan], [0]))
    assert _raises(candidate, ValueError, h, lo, c[:4], 2, 1.0)
