"""Target percentages that go long, short and flat, so sizes follow the portfolio's value."""

import backtrader as bt


class TargetsAndShorts(bt.Strategy):
    TARGETS = (0.5, 0.0, -0.3, 0.8, 0.0)

    def next(self):
        if len(self) % 11 == 0:
            self.order_target_percent(target=self.TARGETS[(len(self) // 11) % len(self.TARGETS)])
