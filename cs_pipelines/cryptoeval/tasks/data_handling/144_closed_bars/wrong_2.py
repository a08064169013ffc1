def closed_bars(rows: list[list[float]], now_ms: int, bar_ms: int) -> list[list[float]]:
    return [row for row in rows if row[0] + bar_ms < now_ms]
