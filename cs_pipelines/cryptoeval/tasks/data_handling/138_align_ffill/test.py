def check(candidate):
    got = candidate([(1, 10.0), (3, 30.0)], [(2, 200.0), (3, 300.0), (4, 400.0)])
    want = [(1, 10.0, nan), (2, 10.0, 200.0), (3, 30.0, 300.0), (4, 30.0, 400.0)]
    assert _close(got, want)
    assert _close(candidate([], [(5, 1.0)]), [(5, nan, 1.0)])
