def check(candidate):
    got = candidate([100.0, 110.0, 104.0, 120.0, 115.0], "long", 90.0, 0.05)
    assert _close(got, [95.0, 104.5, 104.5, 114.0, 114.0])
    got = candidate([100.0, 90.0, 95.0, 80.0], "short", 108.0, 0.1)
    assert _close(got, [108.0, 99.0, 99.0, 88.0])
    assert _close(candidate([100.0], "long", 97.0, 0.05), [97.0])
    assert _close(candidate([], "short", 50.0, 0.1), [])
    assert _raises(candidate, ValueError, [100.0], "long", 90.0, 1.5)
