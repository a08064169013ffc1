def check(candidate):
    x = [1.0, 2.0, 3.0]
    assert _close(candidate(x, x, x, 3), [nan, nan, 100.0])
    y = [4.0, 4.0, 1.0, 4.0]
    assert _close(candidate(y, y, y, 4), [nan, nan, nan, (4.0 - 3.25) / (0.015 * 1.125)])
    z = [2.0, 2.0]
    assert _close(candidate(z, z, z, 2), [nan, 0.0])
