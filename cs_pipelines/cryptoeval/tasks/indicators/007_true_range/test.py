def check(candidate):
    assert _close(candidate([10.0, 12.0], [9.0, 11.0], [9.5, 11.5]), [1.0, 2.5])
    assert _close(candidate([10.0, 9.0], [9.0, 7.0], [9.8, 8.0]), [1.0, 2.8])
    assert _close(candidate([5.0], [4.0], [4.5]), [1.0])
