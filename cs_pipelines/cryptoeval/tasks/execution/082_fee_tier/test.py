def check(candidate):
    tiers = [(0, 0.001, 0.001), (1e6, 0.0009, 0.001), (5e6, 0.0008, 0.0009)]
    assert _close(candidate(1e6, tiers), (0.0009, 0.001))
    assert _close(candidate(999_999.0, tiers), (0.001, 0.001))
    assert _close(candidate(1e8, tiers), (0.0008, 0.0009))
    assert _close(candidate(0.0, tiers), (0.001, 0.001))
