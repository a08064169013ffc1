import backtrader as bt


def pairs_zscore_strategy(
    period: int = 10, entry_z: float = 2.0, exit_z: float = 0.5, size: float = 1
) -> type[bt.Strategy]:
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

    return PairsZScore
