def rolling_highest_high(highs: list[float], window: int) -> list[float]:
    if window <= 0:
        raise ValueError(f"window has to be positive, got {window}")
    result = []
    for end in range(1, len(highs) + 1):
        if end < window:
            result.append(float("nan"))
        else:
            prior = highs[max(end - window - 1, 0) : end - 1]
            result.append(max(prior) if prior else float("nan"))
    return result
