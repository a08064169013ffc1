def check(candidate):
    assert _close(candidate("long", 100.0, 2.5, 3.0), 92.5)
    assert _close(candidate("short", 2000.0, 40.0, 1.5), 2060.0)
    assert _close(candidate("long", 100.0, 60.0, 2.0), 0.0)
    assert _raises(candidate, ValueError, "buy", 100.0, 2.0, 2.0)
    assert _raises(candidate, ValueError, "long", 100.0, 0.0, 2.0)
