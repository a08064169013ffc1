import statistics


def check(candidate):
    p = [100.0, 101.0, 100.0, 102.0]
    r = [math.log(p[i] / p[i - 1]) for i in range(1, len(p))]
    assert _close(candidate(p, 3600), statistics.stdev(r) * math.sqrt(8760))
    assert _close(candidate(p, 86400), statistics.stdev(r) * math.sqrt(365))
    assert _close(candidate(p, 300), statistics.stdev(r) * math.sqrt(365 * 288))
    assert _raises(candidate, ValueError, [1.0, 2.0], 60)
