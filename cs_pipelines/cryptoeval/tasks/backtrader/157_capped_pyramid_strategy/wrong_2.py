import backtrader as bt


def capped_pyramid_strategy(stake: float = 1, max_units: float = 3) -> type[bt.Strategy]:
    class CappedPyramid(bt.Strategy):
        def next(self):
            if len(self) < 2:
                return
            if self.data.close[0] > self.data.close[-1]:
                if self.position.size + stake <= max_units:
                    self.buy(size=stake)
            elif self.data.close[0] < self.data.close[-1] and self.position:
                self.sell(size=stake)

    return CappedPyramid
