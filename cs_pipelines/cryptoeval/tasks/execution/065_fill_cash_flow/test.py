def check(candidate):
    assert _close(candidate("buy", 100.0, 2.0, False, -0.0001, 0.0005), -200.1)
    assert _close(candidate("sell", 100.0, 2.0, False, -0.0001, 0.0005), 199.9)
    assert _close(candidate("sell", 100.0, 2.0, True, -0.0001, 0.0005), 200.02)
    assert _close(candidate("buy", 100.0, 2.0, True, 0.0002, 0.0005), -200.04)
