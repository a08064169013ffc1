def breakeven_stop(
    side: str,
    entry: float,
    initial_stop: float,
    price: float,
    trigger_r: float,
    offset: float = 0.0,
) -> float:
    """Stop level after the move-to-break-even rule.

    The initial risk ``R`` is ``|entry - initial_stop|``. Once the open profit
    (long: ``price - entry``; short: ``entry - price``) is at least
    ``trigger_r * R``, the stop moves to break even plus ``offset`` on the
    profitable side (long ``entry + offset``, short ``entry - offset``, e.g. to
    cover fees); until then it stays at ``initial_stop``. Raise ``ValueError``
    if the initial stop is not on the losing side of entry (long needs
    ``initial_stop < entry``, short ``initial_stop > entry``) or the side is
    neither ``"long"`` nor ``"short"``.

    >>> breakeven_stop("long", 100.0, 95.0, 105.0, 1.0)
    100.0
    """
