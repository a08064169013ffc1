"""Bracket orders when flat; a trailing stop after every third entry; Close-type exits."""

import backtrader as bt


class BracketsAndTrails(bt.Strategy):
    def start(self):
        self.entries = 0

    def notify_order(self, order):
        if order.status == order.Completed and order.isbuy() and order.exectype == bt.Order.Market:
            self.entries += 1
            if self.entries % 3 == 0:
                self.sell(exectype=bt.Order.StopTrail, trailpercent=0.03, size=order.executed.size)

    def next(self):
        if self.position:
            if len(self) % 17 == 0:
                self.close(exectype=bt.Order.Close)
            return
        if len(self) % 9 == 0:
            close = self.data.close[0]
            self.buy_bracket(limitprice=close * 1.05, price=close * 0.995, stopprice=close * 0.96)
        elif len(self) % 13 == 0:
            self.buy()
