def dedupe_bars(rows: list[list[float]]) -> list[list[float]]:
    latest = {}
    for row in rows:
        latest[row[0]] = row
    return list(latest.values())
