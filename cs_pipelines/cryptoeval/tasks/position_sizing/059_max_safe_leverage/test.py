def check(candidate):
    assert candidate("long", 100.0, 95.0, 0.005) == 18
    assert candidate("short", 100.0, 105.0, 0.005) == 18
    assert candidate("long", 100.0, 95.0, 0.005, 10) == 10
    assert candidate("short", 100.0, 100.5, 0.01) == 66
    assert candidate("long", 100.0, 80.0, 0.0) == 4
