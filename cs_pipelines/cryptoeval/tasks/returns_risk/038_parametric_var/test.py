import statistics


def check(candidate):
    r = [0.01, -0.02, 0.03, 0.0]
    mu, sd = statistics.mean(r), statistics.stdev(r)
    z95 = statistics.NormalDist().inv_cdf(0.95)
    z99 = statistics.NormalDist().inv_cdf(0.99)
    assert _close(candidate(r, 0.95, 1), z95 * sd - mu)
    assert _close(candidate(r), z99 * sd - mu)
    assert _close(candidate(r, 0.99, 10), z99 * sd * math.sqrt(10) - 10 * mu)
