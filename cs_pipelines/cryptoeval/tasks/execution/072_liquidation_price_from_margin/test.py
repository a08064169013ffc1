def check(candidate):
    assert _close(candidate("long", 2000.0, 5.0, 1000.0, 0.01), 9000.0 / 4.95)
    assert _close(candidate("short", 2000.0, 5.0, 1000.0, 0.01), 11000.0 / 5.05)
    assert _close(candidate("long", 2000.0, 5.0, 12000.0, 0.01), 0.0, abs_tol=1e-12)
    assert _close(candidate("long", 2000.0, 2.0, 400.0, 0.0), 1800.0)
