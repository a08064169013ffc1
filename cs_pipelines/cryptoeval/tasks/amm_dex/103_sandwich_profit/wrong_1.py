def sandwich_profit(
    reserve_x: float, reserve_y: float, attacker_in: float, victim_in: float, fee: float
) -> float:
    def swap(r_in, r_out, amount):
        a = amount * (1 - fee)
        return r_out * a / (r_in + a)

    x, y = reserve_x, reserve_y
    got_y = swap(x, y, attacker_in)
    x, y = x + attacker_in, y - got_y
    back_x = swap(y, x, got_y)
    return back_x - attacker_in
