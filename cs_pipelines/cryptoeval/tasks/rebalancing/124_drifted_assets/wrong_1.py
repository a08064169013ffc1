def drifted_assets(
    current: dict[str, float], target: dict[str, float], threshold: float
) -> list[str]:
    syms = set(current) | set(target)
    out = []
    for s in syms:
        t = target.get(s, 0.0)
        c = current.get(s, 0.0)
        if t == 0 or abs(c - t) / t > threshold:
            out.append(s)
    return sorted(out)
