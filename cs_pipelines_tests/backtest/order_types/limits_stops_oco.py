"""Limit, stop and stop-limit entries that expire; a stop-loss and a take-profit as an OCO
pair; stale orders cancelled."""

import datetime

import backtrader as bt


class LimitsStopsOco(bt.Strategy):
    def start(self):
        self.entries, self.exits = [], []

    def notify_order(self, order):
        if order.status == order.Completed and order.isbuy():
            price = order.executed.price
            stop = self.sell(exectype=bt.Order.Stop, price=price * 0.95, size=order.executed.size)
            take = self.sell(
                exectype=bt.Order.Limit, price=price * 1.06, size=order.executed.size, oco=stop
            )
            self.exits = [stop, take]

    def next(self):
        bar = len(self)
        if bar % 15 == 0:
            for order in self.entries:
                self.cancel(order)
            self.entries = []
        if self.position or bar % 5:
            return
        close = self.data.close[0]
        kind = (bar // 5) % 3
        if kind == 0:
            order = self.buy(
                exectype=bt.Order.Limit, price=close * 0.99, valid=datetime.timedelta(days=3)
            )
        elif kind == 1:
            order = self.buy(exectype=bt.Order.Stop, price=close * 1.01, valid=3)
        else:
            order = self.buy(exectype=bt.Order.StopLimit, price=close * 1.01, plimit=close * 1.02)
        self.entries.append(order)
