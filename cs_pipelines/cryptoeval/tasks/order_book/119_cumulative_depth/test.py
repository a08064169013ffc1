def check(candidate):
    got = candidate([(100.0, 1.0), (101.0, 2.0), (102.0, 3.0)])
    assert _close(got, [(100.0, 1.0), (101.0, 3.0), (102.0, 6.0)])
    assert _close(candidate([]), [])
