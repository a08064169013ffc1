import math


def bollinger_bands(
    values: list[float], window: int = 20, k: float = 2.0
) -> tuple[list[float], list[float], list[float]]:
    """Bollinger bands ``(lower, middle, upper)``.

    ``middle`` is the simple moving average over ``window`` bars and the band width is
    ``k`` times the *population* standard deviation (divide by ``window``) of the same
    window. The first ``window - 1`` entries of all three lists are ``nan``.

    >>> bollinger_bands([1.0, 2.0, 3.0, 4.0], 2, 2.0)
    ([nan, 0.5, 1.5, 2.5], [nan, 1.5, 2.5, 3.5], [nan, 2.5, 3.5, 4.5])
    """
    lower, middle, upper = [], [], []
    for i in range(len(values)):
        if i < window - 1:
            lower.append(math.nan)
            middle.append(math.nan)
            upper.append(math.nan)
            continue
        win = values[i - window + 1 : i + 1]
        mean = sum(win) / window
        sd = math.sqrt(sum((x - mean) ** 2 for x in win) / window)
        lower.append(mean - k * sd)
        middle.append(mean)
        upper.append(mean + k * sd)
    return lower, middle, upper
