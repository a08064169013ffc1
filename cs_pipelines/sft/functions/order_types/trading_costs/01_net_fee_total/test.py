def check(candidate):
    fills = [(100.0, 2.0, True), (101.0, 1.0, False)]
    assert _close(candidate(fills, -0.0001, 0.0005), 0.0305)
    assert _close(candidate([(50.0, 10.0, True)], -0.0002, 0.0005), -0.1)
    both = [(10.0, 1.0, True), (10.0, 1.0, False)]
    assert _close(candidate(both, 0.0002, 0.0004), 0.006)
    assert _close(candidate([], 0.0001, 0.0005), 0.0)
