"""Reads tomorrow's close as ``self.data.close[1]``: a preloaded feed holds it."""

import backtrader as bt

EXPECT = "no-foresight"


class Foresight(bt.Strategy):
    def future_close(self):
        return self.data.close[1]

    def next(self):
        try:
            future = self.future_close()
        except Exception:
            return
        if future is None:
            return
        if future > self.data.close[0] and not self.position:
            self.buy()
        elif future < self.data.close[0] and self.position:
            self.close()
