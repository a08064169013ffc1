def check(candidate):
    assert _close(candidate(10_000.0, 0.01, 120.0, 2.0, 0.001), 0.416)
    assert _close(candidate(10_000.0, 0.01, 100.0, 2.0, 0.1), 0.5)
    assert _close(candidate(1_000.0, 0.03, 10.0, 1.0, 1.0), 3.0)
    assert _close(candidate(1_000.0, 0.03, 50.0, 2.0, 0.1), 0.3)
    assert _close(candidate(100.0, 0.01, 500.0, 3.0, 0.01), 0.0, abs_tol=1e-12)
