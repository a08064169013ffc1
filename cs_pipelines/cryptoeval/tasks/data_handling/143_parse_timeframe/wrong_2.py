def parse_timeframe(timeframe: str) -> int:
    units = {"s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 432_000_000}
    if len(timeframe) < 2 or timeframe[-1] not in units or not timeframe[:-1].isdigit():
        raise ValueError(f"bad timeframe {timeframe!r}")
    return int(timeframe[:-1]) * units[timeframe[-1]]
