def check(candidate):
    assert candidate([(100.0, 1.0)], [(100.0, 2.0)]) is True
    assert candidate([(100.5, 1.0)], [(100.0, 2.0)]) is True
    assert candidate([(99.0, 1.0), (98.0, 1.0)], [(100.0, 2.0)]) is False
    assert candidate([], [(1.0, 1.0)]) is False
    assert candidate([(101.0, 1.0), (99.0, 1.0)], [(100.0, 1.0), (102.0, 1.0)]) is True
