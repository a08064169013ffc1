"""Adds ten million to its own broker's cash half-way through."""

import backtrader as bt

EXPECT = "same-as-honest"
TAMPER = True


class Printer(bt.Strategy):
    def __init__(self):
        self.fast, self.slow = bt.indicators.SMA(period=5), bt.indicators.SMA(period=20)

    def next(self):
        if TAMPER and len(self) == 100:
            self.broker.add_cash(10_000_000)
        if self.fast[0] > self.slow[0] and not self.position:
            self.buy(size=10)
        elif self.fast[0] < self.slow[0] and self.position:
            self.close()
