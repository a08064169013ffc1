"""Digs the whole series out of the feed object's attributes and parameters."""

import backtrader as bt

EXPECT = "no-foresight"


def series_in(obj):
    for value in [*vars(obj).values(), getattr(obj, "p", None)]:
        columns = getattr(value, "columns", None) or (value if isinstance(value, dict) else None)
        if isinstance(columns, dict) and isinstance(columns.get("c"), list):
            return columns["c"]
    return None


class Foresight(bt.Strategy):
    def next(self):
        closes = series_in(self.data) or series_in(self.data.p)
        now = len(self.data)
        if not closes or len(closes) <= now:
            return
        if closes[now] > self.data.close[0] and not self.position:
            self.buy()
        elif closes[now] < self.data.close[0] and self.position:
            self.close()
