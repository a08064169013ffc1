def check(candidate):
    assert _close(candidate("long", 20_000.0, 18_000.0), 0.1)
    assert _close(candidate("short", 20_000.0, 21_000.0), 0.05)
    assert _raises(candidate, ValueError, "flat", 1.0, 1.0)
