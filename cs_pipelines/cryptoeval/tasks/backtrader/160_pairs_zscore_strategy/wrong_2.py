import backtrader as bt


def pairs_zscore_strategy(
    period: int = 10, entry_z: float = 2.0, exit_z: float = 0.5, size: float = 1
) -> type[bt.Strategy]:
    class PairsZScore(bt.Strategy):
        def next(self):
            import statistics

            a, b = self.datas[0], self.datas[1]
            if len(self) < period:
                return
            ratios = [a.close[-i] / b.close[-i] for i in range(period)]
            z = (ratios[0] - statistics.mean(ratios)) / statistics.stdev(ratios)
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
