def resample_complete_bars(
    rows: list[list[float]], src_ms: int, bar_ms: int
) -> list[list[float]]:
    need = bar_ms // src_ms
    groups = {}
    for row in sorted(rows, key=lambda r: r[0]):
        groups.setdefault(row[0] // bar_ms * bar_ms, []).append(row)
    out = []
    for start in sorted(groups):
        g = groups[start]
        if len({r[0] for r in g}) != need:
            continue
        out.append(
            [start, g[0][1], max(r[2] for r in g), min(r[3] for r in g), g[-1][4],
             sum(r[5] for r in g)]
        )
    return out
