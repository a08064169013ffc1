def check(candidate):
    events = [("trade", 3.0), ("cancel_ahead", 5.0), ("trade", 4.0)]
    assert _close(candidate(10.0, 4.0, events), (0.0, 2.0))
    got = candidate(5.0, 4.0, [("cancel_ahead", 8.0), ("trade", 1.0)])
    assert _close(got, (0.0, 1.0))
    got = candidate(5.0, 2.0, [("cancel_behind", 3.0), ("trade", 4.0)])
    assert _close(got, (1.0, 0.0))
    assert _close(candidate(1.0, 2.0, [("trade", 10.0)]), (0.0, 2.0))
    assert _close(candidate(3.0, 1.0, []), (3.0, 0.0))
    assert _raises(candidate, ValueError, 3.0, 1.0, [("amend", 1.0)])
