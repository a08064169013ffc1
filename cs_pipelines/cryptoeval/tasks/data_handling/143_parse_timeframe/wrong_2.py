def parse_timeframe(timeframe: str) -> int:
    """Milliseconds in a ccxt-style timeframe such as ``"1m"``, ``"15m"``, ``"4h"``,
    ``"1d"``, ``"1w"`` or ``"30s"``.

    Units are case-sensitive: ``s``, ``m`` (minute), ``h``, ``d``, ``w`` (7 days; crypto
    trades on weekends). Months (``"1M"``) have no fixed length: raise ``ValueError``
    for them and for anything malformed.

    >>> parse_timeframe("4h")
    14400000
    """
    units = {"s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 432_000_000}
    if len(timeframe) < 2 or timeframe[-1] not in units or not timeframe[:-1].isdigit():
        raise ValueError(f"bad timeframe {timeframe!r}")
    return int(timeframe[:-1]) * units[timeframe[-1]]
