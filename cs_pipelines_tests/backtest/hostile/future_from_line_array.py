"""Reads tomorrow's close from the line's backing array, past the current index."""

import backtrader as bt

EXPECT = "no-foresight"


class Foresight(bt.Strategy):
    def future_close(self):
        values = self.data.close.array
        now = len(self.data)
        return values[now] if len(values) > now else None

    def next(self):
        future = self.future_close()
        if future is None:
            return
        if future > self.data.close[0] and not self.position:
            self.buy()
        elif future < self.data.close[0] and self.position:
            self.close()
