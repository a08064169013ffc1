def fill_missing_bars(rows: list[list[float]], interval_ms: int) -> list[list[float]]:
    out = []
    for row in rows:
        if out:
            ts = out[-1][0] + interval_ms
            while ts < row[0]:
                o = row[1]
                out.append([ts, o, o, o, o, 0])
                ts += interval_ms
        out.append(list(row))
    return out
