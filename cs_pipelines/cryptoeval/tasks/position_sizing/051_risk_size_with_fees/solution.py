def risk_size_with_fees(
    equity: float, risk_fraction: float, entry: float, stop: float, taker_fee: float
) -> float:
    """Quantity whose stop-out loss, *including taker fees on entry and exit*, equals
    ``equity * risk_fraction``.

    Loss per coin is ``abs(entry - stop) + taker_fee * (entry + stop)``: the fee is paid
    on the entry notional and again on the exit (stop) notional.

    >>> round(risk_size_with_fees(10_000.0, 0.01, 100.0, 90.0, 0.001), 6)
    9.813543
    """
    per_unit = abs(entry - stop) + taker_fee * (entry + stop)
    return equity * risk_fraction / per_unit
