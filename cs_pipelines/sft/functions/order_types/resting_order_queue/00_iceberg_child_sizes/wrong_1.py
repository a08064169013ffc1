import math


def iceberg_child_sizes(total_qty: float, display_qty: float) -> list[float]:
    if display_qty <= 0 or total_qty < 0:
        raise ValueError("need display_qty > 0 and total_qty >= 0")
    return [display_qty] * math.ceil(total_qty / display_qty - 1e-9)
