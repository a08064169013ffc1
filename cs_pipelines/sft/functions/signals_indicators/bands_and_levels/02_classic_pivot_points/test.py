def check(candidate):
    got = candidate(110.0, 90.0, 100.0)
    want = {"pp": 100.0, "r1": 110.0, "r2": 120.0, "r3": 130.0}
    want.update({"s1": 90.0, "s2": 80.0, "s3": 70.0})
    assert _close(got, want)
    got = candidate(12.0, 6.0, 12.0)
    want = {"pp": 10.0, "r1": 14.0, "r2": 16.0, "r3": 20.0}
    want.update({"s1": 8.0, "s2": 4.0, "s3": 2.0})
    assert _close(got, want)
    assert _raises(candidate, ValueError, 5.0, 6.0, 5.5)
    assert _raises(candidate, ValueError, 10.0, 8.0, 11.0)
