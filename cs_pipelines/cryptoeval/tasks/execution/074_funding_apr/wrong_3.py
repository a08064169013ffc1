def funding_apr(rate_per_interval: float, interval_hours: float = 8.0) -> float:
    return (1 + rate_per_interval) ** (24.0 / interval_hours * 365.0) - 1
