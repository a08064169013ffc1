def check(candidate):
    assert _close(candidate([(100.0, 1.0), (102.0, 1.0)], 2.0, "buy"), 100.0)
    assert _close(candidate([(100.0, 1.0), (98.0, 1.0)], 2.0, "sell"), 100.0)
    assert _close(candidate([(100.0, 5.0)], 2.0, "sell"), 0.0, abs_tol=1e-9)
    assert _raises(candidate, ValueError, [(100.0, 1.0)], 2.0, "buy")
