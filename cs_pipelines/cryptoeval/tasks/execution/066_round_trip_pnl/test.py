def check(candidate):
    assert _close(candidate("long", 100.0, 110.0, 2.0, 0.001), 19.58)
    assert _close(candidate("short", 100.0, 90.0, 1.0, 0.001), 9.81)
    assert _close(candidate("short", 100.0, 110.0, 1.0, 0.0), -10.0)
