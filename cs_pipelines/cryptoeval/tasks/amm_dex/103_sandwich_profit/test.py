def check(candidate):
    assert _close(candidate(1000.0, 1000.0, 100.0, 100.0, 0.0), 1100.0 / 61.0)
    a1 = 99.7
    y1 = 1000.0 * a1 / (1000.0 + a1)
    x, y = 1100.0, 1000.0 - y1
    y2 = y * a1 / (x + a1)
    x, y = 1200.0, y - y2
    a3 = y1 * 0.997
    want = x * a3 / (y + a3) - 100.0
    assert _close(candidate(1000.0, 1000.0, 100.0, 100.0, 0.003), want)
    assert _close(candidate(1000.0, 1000.0, 100.0, 0.0, 0.0), 0.0, abs_tol=1e-9)
