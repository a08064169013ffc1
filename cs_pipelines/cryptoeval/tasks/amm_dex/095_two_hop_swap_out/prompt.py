def two_hop_swap_out(
    amount_in: float,
    pool1: tuple[float, float],
    pool2: tuple[float, float],
    fee: float = 0.003,
) -> float:
    """Route A -> B -> C through two constant-product pools.

    ``pool1 = (reserve_A, reserve_B)`` and ``pool2 = (reserve_B, reserve_C)``. Each hop
    is a v2 swap charging ``fee`` on its own input:
    ``out = r_out * a / (r_in + a)`` with ``a = in * (1 - fee)``.

    >>> round(two_hop_swap_out(10.0, (1000.0, 1000.0), (1000.0, 1000.0), 0.0), 6)
    9.803922
    """
