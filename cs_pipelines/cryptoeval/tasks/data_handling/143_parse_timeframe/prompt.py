def parse_timeframe(timeframe: str) -> int:
    """Milliseconds in a ccxt-style timeframe such as ``"1m"``, ``"15m"``, ``"4h"``,
    ``"1d"``, ``"1w"`` or ``"30s"``.

    Units are case-sensitive: ``s``, ``m`` (minute), ``h``, ``d``, ``w`` (7 days; crypto
    trades on weekends). Months (``"1M"``) have no fixed length: raise ``ValueError``
    for them and for anything malformed.

    >>> parse_timeframe("4h")
    14400000
    """
