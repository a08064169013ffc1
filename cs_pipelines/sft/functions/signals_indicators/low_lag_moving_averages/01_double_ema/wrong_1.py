def double_ema(values: list[float], span: int) -> list[float]:
    if span < 1:
        raise ValueError("span must be at least 1")
    k = 1.0 / span

    def smooth(series):
        result = []
        for x in series:
            prev = result[-1] if result else x
            result.append(prev + k * (x - prev))
        return result

    e1 = smooth(values)
    e2 = smooth(e1)
    return [2 * a - b for a, b in zip(e1, e2)]
