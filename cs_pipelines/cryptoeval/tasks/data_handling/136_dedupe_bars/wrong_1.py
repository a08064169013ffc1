def dedupe_bars(rows: list[list[float]]) -> list[list[float]]:
    seen = {}
    for row in rows:
        seen.setdefault(row[0], row)
    return [seen[ts] for ts in sorted(seen)]
