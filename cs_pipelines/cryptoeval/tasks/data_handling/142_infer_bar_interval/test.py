def check(candidate):
    assert candidate([0, 60_000, 120_000, 125_000, 180_000, 240_000]) == 60_000
    assert candidate([0, 3_600_000, 10_800_000, 14_400_000]) == 3_600_000
    assert candidate([0, 5, 15]) == 5
    assert candidate([0, 10, 15]) == 5
    assert _raises(candidate, ValueError, [7, 7])
