def sandwich_profit(
    reserve_x: float, reserve_y: float, attacker_in: float, victim_in: float, fee: float
) -> float:
    def swap(r_in, r_out, amount, f):
        a = amount * (1 - f)
        return r_out * a / (r_in + a)

    x, y = reserve_x, reserve_y
    got_y = swap(x, y, attacker_in, fee)
    x, y = x + attacker_in, y - got_y
    victim_y = swap(x, y, victim_in, fee)
    x, y = x + victim_in, y - victim_y
    return swap(y, x, got_y, 0.0) - attacker_in
