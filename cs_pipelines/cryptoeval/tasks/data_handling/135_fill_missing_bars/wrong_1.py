def fill_missing_bars(rows: list[list[float]], interval_ms: int) -> list[list[float]]:
    out = []
    for row in rows:
        if out:
            ts = out[-1][0] + interval_ms
            while ts < row[0]:
                out.append([ts] + list(out[-1][1:]))
                ts += interval_ms
        out.append(list(row))
    return out
