def check(candidate):
    got = candidate([10, 12, 11], [8, 10, 9], [9.5, 10, 11], [100, 200, 50])
    assert _close(got, [50.0, -150.0, -100.0])
    got = candidate([5.0, 6.0], [5.0, 4.0], [5.0, 6.0], [10.0, 3.0])
    assert _close(got, [0.0, 3.0])
    assert _close(candidate([], [], [], []), [])
    assert _raises(candidate, ValueError, [1.0, 2.0], [1.0], [1.0], [1.0])
