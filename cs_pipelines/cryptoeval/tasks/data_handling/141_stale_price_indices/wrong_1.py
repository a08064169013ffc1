def stale_price_indices(closes: list[float], max_repeats: int) -> list[int]:
    out = []
    run = 0
    for i, c in enumerate(closes):
        run = run + 1 if i > 0 and c == closes[i - 1] else 0
        if run > max_repeats:
            out.append(i)
    return out
