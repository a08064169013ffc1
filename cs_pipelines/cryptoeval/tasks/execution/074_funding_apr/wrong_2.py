def funding_apr(rate_per_interval: float, interval_hours: float = 8.0) -> float:
    return rate_per_interval * (24.0 / interval_hours) * 252.0
