"""Places an order of size NaN straight through the broker, past the strategy's checks."""

import backtrader as bt

EXPECT = "rejected"


class Poison(bt.Strategy):
    def next(self):
        if len(self) == 10:
            self.broker.buy(self, self.data, size=float("nan"))
