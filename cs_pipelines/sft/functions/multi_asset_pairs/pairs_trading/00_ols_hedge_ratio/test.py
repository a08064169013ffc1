def check(candidate):
    assert _close(candidate([3.0, 5.0, 7.0, 9.0], [1.0, 2.0, 3.0, 4.0]), (2.0, 1.0))
    assert _close(candidate([1.0, 2.0, 4.0], [0.0, 1.0, 2.0]), (1.5, 5.0 / 6.0))
    assert _raises(candidate, ValueError, [1.0, 2.0, 3.0], [1.0, 1.0, 1.0])
    assert _raises(candidate, ValueError, [1.0, 2.0], [1.0, 2.0, 3.0])
