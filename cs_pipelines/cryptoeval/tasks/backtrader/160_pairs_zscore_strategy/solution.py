import backtrader as bt


def pairs_zscore_strategy(
    period: int = 10, entry_z: float = 2.0, exit_z: float = 0.5, size: float = 1
) -> type[bt.Strategy]:
    """Return a ``bt.Strategy`` subclass trading mean reversion of the price ratio of two
    feeds, ``A = self.datas[0]`` and ``B = self.datas[1]``.

    Let ``ratio = close_A / close_B`` and ``z = (ratio - mean) / std`` where mean and
    std are taken over the last ``period`` ratios including the current one (population
    std, as ``bt.indicators.StdDev``). From the first bar with a full window, with
    market orders:

    - flat and ``z > entry_z``: sell ``size`` A and buy ``size`` B;
    - flat and ``z < -entry_z``: buy ``size`` A and sell ``size`` B;
    - in a position and ``abs(z) < exit_z``: close both legs.

    >>> issubclass(pairs_zscore_strategy(period=8), bt.Strategy)
    True
    """
    class PairsZScore(bt.Strategy):
        def __init__(self):
            ratio = self.datas[0].close / self.datas[1].close
            mean = bt.indicators.SMA(ratio, period=period)
            std = bt.indicators.StdDev(ratio, period=period)
            self.z = (ratio - mean) / std

        def next(self):
            a, b = self.datas[0], self.datas[1]
            z = self.z[0]
            if not self.getposition(a).size:
                if z > entry_z:
                    self.sell(data=a, size=size)
                    self.buy(data=b, size=size)
                elif z < -entry_z:
                    self.buy(data=a, size=size)
                    self.sell(data=b, size=size)
            elif abs(z) < exit_z:
                self.close(data=a)
                self.close(data=b)

    return PairsZScore
