"""Sets its own broker's commission and slippage to zero and fills at the signal bar's close."""

import backtrader as bt

EXPECT = "same-as-honest"
TAMPER = True


class Freeloader(bt.Strategy):
    def __init__(self):
        self.fast, self.slow = bt.indicators.SMA(period=5), bt.indicators.SMA(period=20)
        if TAMPER:
            self.broker.setcommission(commission=0.0)
            self.broker.set_slippage_perc(0.0)
            self.broker.set_coc(True)

    def next(self):
        if self.fast[0] > self.slow[0] and not self.position:
            self.buy(size=10)
        elif self.fast[0] < self.slow[0] and self.position:
            self.close()
