def next_funding_time(ts_ms: int, interval_hours: int = 8) -> int:
    period = 8 * 3_600_000
    return (ts_ms // period + 1) * period
