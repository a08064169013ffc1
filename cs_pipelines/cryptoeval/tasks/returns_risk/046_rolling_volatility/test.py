import statistics


def check(candidate):
    r = [0.01, -0.01, 0.02, 0.0]
    want = [nan, nan]
    want += [statistics.stdev(r[i - 2 : i + 1]) * math.sqrt(365) for i in (2, 3)]
    assert _close(candidate(r, 3), want)
    assert _close(candidate(r, 5), [nan] * 4)
    assert _raises(candidate, ValueError, r, 1)
