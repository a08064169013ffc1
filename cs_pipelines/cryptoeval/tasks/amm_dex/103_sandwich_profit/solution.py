def sandwich_profit(
    reserve_x: float, reserve_y: float, attacker_in: float, victim_in: float, fee: float
) -> float:
    """Profit, in token X, of a sandwich attack on a constant-product pool.

    Every swap takes ``fee`` from its input (``a = amount * (1 - fee)``,
    ``out = r_out * a / (r_in + a)``) and the *whole* input stays in the pool. In order:
    the attacker swaps ``attacker_in`` X for Y; the victim swaps ``victim_in`` X for Y;
    the attacker swaps all the Y bought back to X. Reserves update after every swap.
    Return the X received in the last swap minus ``attacker_in``.

    >>> round(sandwich_profit(1000.0, 1000.0, 100.0, 100.0, 0.0), 6)
    18.032787
    """
    def swap(r_in, r_out, amount):
        a = amount * (1 - fee)
        return r_out * a / (r_in + a)

    x, y = reserve_x, reserve_y
    got_y = swap(x, y, attacker_in)
    x, y = x + attacker_in, y - got_y
    victim_y = swap(x, y, victim_in)
    x, y = x + victim_in, y - victim_y
    back_x = swap(y, x, got_y)
    return back_x - attacker_in
