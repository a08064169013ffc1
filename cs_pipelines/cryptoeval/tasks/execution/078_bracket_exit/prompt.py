def bracket_exit(
    side: str,
    stop: float,
    take_profit: float,
    bars: list[tuple[float, float, float, float]],
) -> tuple[int, float, str] | None:
    """First exit of a position with a stop-loss and a take-profit, bar by bar.

    ``bars`` are ``(open, high, low, close)`` after entry. For each bar, in this order:
    1. the open already beyond the stop (long: ``open <= stop``; short: ``open >= stop``)
       fills the stop at the *open* (gap through the stop);
    2. the open already beyond the target fills the take-profit at the open;
    3. the stop touched intrabar (long ``low <= stop``, short ``high >= stop``) fills at
       the stop price; when both levels are touched in one bar assume the stop came
       first (conservative);
    4. the target touched (long ``high >= tp``, short ``low <= tp``) fills at the target.
    Return ``(bar_index, fill_price, "stop" | "take_profit")`` or ``None``.

    >>> bracket_exit("long", 95.0, 110.0, [(100, 105, 96, 104), (104, 111, 94, 100)])
    (1, 95.0, 'stop')
    """
