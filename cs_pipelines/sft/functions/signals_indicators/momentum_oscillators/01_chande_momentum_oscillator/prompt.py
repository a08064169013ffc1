def chande_momentum_oscillator(closes: list[float], window: int) -> list[float]:
    """Chande Momentum Oscillator (CMO), bounded in ``[-100, 100]``.

    With one-bar changes ``d[j] = closes[j] - closes[j - 1]``, position ``i`` uses
    the ``window`` changes ``d[i - window + 1] .. d[i]``: ``up`` is the sum of the
    positive changes, ``down`` the sum of the magnitudes of the negative ones, and
    ``cmo = 100 * (up - down) / (up + down)`` (0.0 when ``up + down == 0``). The
    first ``window`` positions lack enough changes and are ``float("nan")``. Raise
    ``ValueError`` for ``window < 1``.

    >>> [round(x, 2) for x in chande_momentum_oscillator([10, 12, 11, 11, 14], 3)]
    [nan, nan, nan, 33.33, 50.0]
    """
