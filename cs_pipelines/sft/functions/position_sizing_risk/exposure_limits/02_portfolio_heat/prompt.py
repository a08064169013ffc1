def portfolio_heat(
    positions: list[tuple[float, float, float]], equity: float
) -> float:
    """Total open risk of a book as a fraction of equity ("portfolio heat").

    Each position is ``(quantity, entry, stop)`` with a signed quantity (negative
    for a short). A long loses ``quantity * (entry - stop)`` if stopped, a short
    ``|quantity| * (stop - entry)``; a stop already on the profitable side of entry
    locks in gains and counts as zero risk, never as negative. Return the summed
    risk divided by equity. Raise ``ValueError`` if ``equity <= 0``.

    >>> book = [(0.5, 30_000.0, 29_000.0), (-10.0, 2_000.0, 2_100.0)]
    >>> portfolio_heat(book, 10_000.0)
    0.15
    """
