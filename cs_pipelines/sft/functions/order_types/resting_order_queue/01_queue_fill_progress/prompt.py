def queue_fill_progress(
    ahead: float, my_qty: float, events: list[tuple[str, float]]
) -> tuple[float, float]:
    """Track a resting limit order's place in its price level's FIFO queue.

    ``ahead`` is the quantity queued in front of the order when it joined. Events
    are processed in order:

    - ``("trade", q)``: ``q`` executes at our price; it consumes the quantity
      ahead first and only the excess fills our order;
    - ``("cancel_ahead", q)``: orders in front of ours cancel ``q`` (the quantity
      ahead cannot go below zero);
    - ``("cancel_behind", q)``: cancels behind us, which change nothing.

    The filled amount never exceeds ``my_qty``. Return ``(ahead_left, filled)``.
    Raise ``ValueError`` for an unknown event kind or a negative quantity.

    >>> events = [("trade", 3.0), ("cancel_ahead", 5.0), ("trade", 4.0)]
    >>> queue_fill_progress(10.0, 4.0, events)
    (0.0, 2.0)
    """
