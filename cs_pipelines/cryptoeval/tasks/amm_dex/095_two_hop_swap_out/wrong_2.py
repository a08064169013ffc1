def two_hop_swap_out(
    amount_in: float,
    pool1: tuple[float, float],
    pool2: tuple[float, float],
    fee: float = 0.003,
) -> float:
    def hop(r_in, r_out, x):
        a = x * (1.0 - fee)
        return r_out * a / (r_in + a)

    mid = hop(pool1[0], pool1[1], amount_in)
    return hop(pool2[1], pool2[0], mid)
