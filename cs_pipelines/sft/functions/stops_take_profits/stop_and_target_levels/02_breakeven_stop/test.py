def check(candidate):
    assert _close(candidate("long", 100.0, 95.0, 105.0, 1.0), 100.0)
    assert _close(candidate("long", 100.0, 95.0, 104.9, 1.0), 95.0)
    assert _close(candidate("long", 100.0, 95.0, 110.0, 1.0, 0.2), 100.2)
    assert _close(candidate("short", 200.0, 210.0, 180.0, 2.0, 0.5), 199.5)
    assert _close(candidate("short", 200.0, 210.0, 181.0, 2.0, 0.5), 210.0)
    assert _raises(candidate, ValueError, "long", 100.0, 101.0, 105.0, 1.0)
