def rolling_highest_high(highs: list[float], window: int) -> list[float]:
    if window <= 0:
        raise ValueError(f"window has to be positive, got {window}")
    result = []
    for end in range(1, len(highs) + 1):
        if end <= window:
            result.append(float("nan"))
        else:
            result.append(max(highs[end - window : end]))
    return result
