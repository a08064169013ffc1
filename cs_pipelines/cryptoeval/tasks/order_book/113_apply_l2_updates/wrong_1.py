def apply_l2_updates(
    side: str, book: dict[float, float], updates: list[tuple[float, float]]
) -> list[tuple[float, float]]:
    levels = dict(book)
    for price, qty in updates:
        levels[price] = qty
    return sorted(levels.items(), key=lambda kv: kv[0], reverse=(side == "bid"))
