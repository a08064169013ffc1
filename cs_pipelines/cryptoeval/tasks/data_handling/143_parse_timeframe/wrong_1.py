def parse_timeframe(timeframe: str) -> int:
    units = {"s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000}
    unit = timeframe[-1].lower()
    if len(timeframe) < 2 or unit not in units or not timeframe[:-1].isdigit():
        raise ValueError(f"bad timeframe {timeframe!r}")
    return int(timeframe[:-1]) * units[unit]
