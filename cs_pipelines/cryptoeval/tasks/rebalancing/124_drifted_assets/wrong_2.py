def drifted_assets(
    current: dict[str, float], target: dict[str, float], threshold: float
) -> list[str]:
    return sorted(s for s in target if abs(current.get(s, 0.0) - target[s]) > threshold)
