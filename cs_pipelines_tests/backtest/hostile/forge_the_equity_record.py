"""Rewrites the harness's equity record in ``stop()``: a steady 1% gain a bar."""

import backtrader as bt

EXPECT = "same-as-honest"
TAMPER = True


class Forger(bt.Strategy):
    def __init__(self):
        self.fast, self.slow = bt.indicators.SMA(period=5), bt.indicators.SMA(period=20)

    def next(self):
        if self.fast[0] > self.slow[0] and not self.position:
            self.buy(size=10)
        elif self.fast[0] < self.slow[0] and self.position:
            self.close()

    def stop(self):
        if not TAMPER:
            return
        for analyzer in self.analyzers:
            if hasattr(analyzer, "equity"):
                start = analyzer.equity[0]
                analyzer.equity[:] = [start * 1.01**i for i in range(len(analyzer.equity))]
