def apply_l2_updates(
    side: str, book: dict[float, float], updates: list[tuple[float, float]]
) -> list[tuple[float, float]]:
    for price, qty in updates:
        if qty == 0:
            book.pop(price, None)
        else:
            book[price] = qty
    return sorted(book.items(), key=lambda kv: kv[0], reverse=(side == "bid"))
