def check(candidate):
    bars = [(100, 105, 96, 104), (104, 111, 94, 100)]
    assert _close(candidate("long", 95.0, 110.0, bars), (1, 95.0, "stop"))
    gap = [(100, 101, 99, 100), (93, 94, 90, 92)]
    assert _close(candidate("long", 95.0, 110.0, gap), (1, 93.0, "stop"))
    tp = "take_profit"
    assert _close(candidate("long", 95.0, 110.0, [(100, 112, 99, 111)]), (0, 110.0, tp))
    assert _close(candidate("long", 95.0, 110.0, [(112, 113, 111, 112)]), (0, 112.0, tp))
    assert candidate("long", 95.0, 110.0, [(100, 101, 99, 100)]) is None
    assert _close(candidate("short", 105.0, 90.0, [(100, 104, 89, 95)]), (0, 90.0, tp))
    assert _close(candidate("short", 105.0, 90.0, [(100, 106, 89, 95)]), (0, 105.0, "stop"))
    got = candidate("short", 105.0, 90.0, [(107, 108, 100, 101)])
    assert _close(got, (0, 107.0, "stop"))
