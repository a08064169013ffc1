def check(candidate):
    m, s, h = candidate([10.0, 13.0, 10.0], fast=2, slow=3, signal=2)
    assert _close(m, [0.0, 0.5, -1.0 / 12])
    assert _close(s, [0.0, 1.0 / 3, 1.0 / 18])
    assert _close(h, [0.0, 1.0 / 6, -5.0 / 36])
    m, s, h = candidate([100.0] * 5)
    assert _close(m, [0.0] * 5) and _close(h, [0.0] * 5)
