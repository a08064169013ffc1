def v3_tick_to_price(tick: int, decimals0: int, decimals1: int) -> float:
    return 1.0001**tick * 10.0 ** (decimals1 - decimals0)
