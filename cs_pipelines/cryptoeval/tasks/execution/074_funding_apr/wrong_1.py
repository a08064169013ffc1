def funding_apr(rate_per_interval: float, interval_hours: float = 8.0) -> float:
    return rate_per_interval * 3 * 365.0
