def r_multiple_target(entry: float, stop: float, r_multiple: float) -> float:
    """Take-profit price that pays ``r_multiple`` times the initial risk.

    The risk is the entry-to-stop distance; the direction comes from the stop
    (stop below entry: long, target above; stop above entry: short, target
    below): ``entry + r_multiple * (entry - stop)``. A short's target is floored
    at 0.0. Raise ``ValueError`` if ``stop == entry`` or ``r_multiple <= 0``.

    >>> r_multiple_target(100.0, 95.0, 2.0)
    110.0
    """
    if stop == entry:
        raise ValueError("stop equals entry: no risk to scale")
    if r_multiple <= 0:
        raise ValueError("r_multiple must be positive")
    return max(0.0, entry + r_multiple * (entry - stop))
