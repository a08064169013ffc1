def next_funding_time(ts_ms: int, interval_hours: int = 8) -> int:
    period = interval_hours * 3_600_000
    return -(-ts_ms // period) * period
