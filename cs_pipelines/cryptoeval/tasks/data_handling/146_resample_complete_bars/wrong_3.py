def resample_complete_bars(
    rows: list[list[float]], src_ms: int, bar_ms: int
) -> list[list[float]]:
    latest = {}
    for row in rows:
        latest[row[0]] = row
    need = bar_ms // src_ms
    groups = {}
    for ts in latest:
        groups.setdefault(ts // bar_ms * bar_ms, []).append(latest[ts])
    out = []
    for start in sorted(groups):
        g = groups[start]
        if len(g) != need:
            continue
        out.append(
            [start, g[0][1], max(r[2] for r in g), min(r[3] for r in g), g[-1][4],
             sum(r[5] for r in g)]
        )
    return out
