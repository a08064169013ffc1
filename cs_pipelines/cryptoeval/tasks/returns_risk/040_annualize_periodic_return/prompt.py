def annualize_periodic_return(mean_return: float, periods_per_year: int = 365) -> float:
    """Compound a mean per-period return to an annual one: ``(1 + r) ** ppy - 1``.

    The default of 365 periods fits daily crypto returns.

    >>> round(annualize_periodic_return(0.001), 6)
    0.440251
    """
