def r_multiple_target(entry: float, stop: float, r_multiple: float) -> float:
    if stop == entry:
        raise ValueError("stop equals entry: no risk to scale")
    if r_multiple <= 0:
        raise ValueError("r_multiple must be positive")
    return entry + r_multiple * abs(entry - stop)
