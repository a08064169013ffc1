def strategy_returns(
    positions: list[float], asset_returns: list[float], fee_rate: float
) -> list[float]:
    """Per-bar returns of a strategy without look-ahead bias.

    ``positions[t]`` is the target exposure decided at the *close* of bar ``t`` (1 = fully
    long, -1 = fully short, 0 = flat); it earns ``asset_returns[t + 1]``. The exposure
    before bar 0 is 0. Changing exposure at the close of ``t`` costs
    ``fee_rate * abs(positions[t] - positions[t - 1])``, charged in bar ``t``. So
    ``r[t] = positions[t-1] * asset_returns[t] - fee_rate * abs(positions[t] -
    positions[t-1])``.

    >>> r = strategy_returns([1, 1, 0, -1], [0.1, 0.05, -0.02, 0.03], 0.001)
    >>> [round(x, 6) for x in r]
    [-0.001, 0.05, -0.021, -0.001]
    """
