"""Monkeypatches backtrader's broker class so that every portfolio valuation says 1e9."""

import backtrader as bt

EXPECT = "same-as-honest"
TAMPER = True

if TAMPER:
    bt.brokers.BackBroker.getvalue = lambda self, datas=None, mkt=False, lever=False: 1e9


class Patcher(bt.Strategy):
    def __init__(self):
        self.fast, self.slow = bt.indicators.SMA(period=5), bt.indicators.SMA(period=20)

    def next(self):
        if self.fast[0] > self.slow[0] and not self.position:
            self.buy(size=10)
        elif self.fast[0] < self.slow[0] and self.position:
            self.close()
