"""Replaces the trade analyzer's and the recorder's methods with ones that report a fortune."""

import backtrader as bt

EXPECT = "same-as-honest"
TAMPER = True


class Patcher(bt.Strategy):
    def __init__(self):
        self.fast, self.slow = bt.indicators.SMA(period=5), bt.indicators.SMA(period=20)

    def start(self):
        if not TAMPER:
            return
        for analyzer in self.analyzers:
            cls = type(analyzer)
            if hasattr(cls, "notify_trade"):
                cls.notify_trade = lambda self, trade: None
            if cls.__name__ == "Recorder":
                cls.next = lambda self: (self.ts.append(0), self.equity.append(1e9))

    def next(self):
        if self.fast[0] > self.slow[0] and not self.position:
            self.buy(size=10)
        elif self.fast[0] < self.slow[0] and self.position:
            self.close()
