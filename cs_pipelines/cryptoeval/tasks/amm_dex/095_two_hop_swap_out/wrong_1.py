def two_hop_swap_out(
    amount_in: float,
    pool1: tuple[float, float],
    pool2: tuple[float, float],
    fee: float = 0.003,
) -> float:
    def hop(r_in, r_out, x):
        return r_out * x / (r_in + x)

    a = amount_in * (1.0 - fee)
    return hop(pool2[0], pool2[1], hop(pool1[0], pool1[1], a))
