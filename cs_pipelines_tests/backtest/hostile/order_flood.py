"""Places a thousand orders in one step."""

import backtrader as bt

EXPECT = "rejected"


class Flood(bt.Strategy):
    def next(self):
        if len(self) == 10:
            for _ in range(1000):
                self.buy(size=0.001)
