def cagr(start_value: float, end_value: float, days: float) -> float:
    if days <= 0 or start_value <= 0:
        raise ValueError("days and start_value must be positive")
    return (end_value / start_value) ** (252.0 / days) - 1.0
