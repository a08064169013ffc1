def cp_max_input_for_impact(reserve_in: float, max_impact: float) -> float:
    """Largest input to a fee-less constant-product pool whose price impact
    ``1 - execution_price / spot_price`` stays within ``max_impact``.

    For ``x * y = k`` the impact of input ``a`` is ``a / (reserve_in + a)``; invert it.
    Raise ``ValueError`` unless ``0 <= max_impact < 1``.

    >>> round(cp_max_input_for_impact(1000.0, 0.01), 6)
    10.10101
    """
