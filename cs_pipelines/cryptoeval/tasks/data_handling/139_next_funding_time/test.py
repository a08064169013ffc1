def check(candidate):
    assert candidate(1) == 28_800_000
    assert candidate(0) == 28_800_000
    assert candidate(28_800_000) == 57_600_000
    assert candidate(86_399_999) == 86_400_000
    assert candidate(3_600_001, 1) == 7_200_000
