def obv(close: list[float], volume: list[float]) -> list[float]:
    out = []
    for i in range(len(close)):
        if i == 0:
            out.append(0)
        elif close[i] >= close[i - 1]:
            out.append(out[-1] + volume[i])
        else:
            out.append(out[-1] - volume[i])
    return out
