def check(candidate):
    assert _close(candidate("long", 100, 100.0, 20_000.0, 25_000.0), 0.1)
    assert _close(candidate("short", 100, 100.0, 20_000.0, 25_000.0), -0.1)
    assert _close(candidate("short", 10, 10.0, 2_000.0, 1_000.0), 0.05)
