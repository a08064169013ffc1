import math


def percent_b(
    closes: list[float], window: int, num_std: float = 2.0
) -> list[float]:
    """%B: where the close sits inside its volatility bands.

    At bar ``i >= window - 1`` take the last ``window`` closes, their mean ``m`` and
    their *population* standard deviation ``sd`` (divide by ``window``). The bands
    are ``m +/- num_std * sd`` and ``%B = (close - lower) / (upper - lower)``:
    0 at the lower band, 1 at the upper band. When the bands coincide
    (``sd == 0``) the value is 0.5. Earlier bars are ``float("nan")``. Raise
    ``ValueError`` when ``window < 1``.

    >>> percent_b([2.0, 2.0, 4.0], 2, 1.0)
    [nan, 0.5, 1.0]
    """
    if window < 1:
        raise ValueError("window should be 1 or larger")
    pb = []
    for i, close in enumerate(closes):
        if i < window - 1:
            pb.append(math.nan)
            continue
        recent = closes[i - window + 1 : i + 1]
        m = sum(recent) / window
        sd = math.sqrt(sum((x - m) ** 2 for x in recent) / max(window - 1, 1))
        width = 2 * num_std * sd
        pb.append(0.5 if width == 0 else (close - (m - num_std * sd)) / width)
    return pb
