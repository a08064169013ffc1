def check(candidate):
    assert candidate(1000.0, 10.0, 20_000.0, 0.001, 0.0006) == 497
    assert candidate(1001.0, 10.0, 20_000.0, 0.001, 0.0006) == 497
    assert candidate(100.0, 1.0, 50.0, 1.0, 0.0) == 2
    assert candidate(1.0, 5.0, 20_000.0, 0.001, 0.0005) == 0
