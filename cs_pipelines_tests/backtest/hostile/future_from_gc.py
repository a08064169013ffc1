"""Scans every object the garbage collector knows for the bars' columns."""

import gc

import backtrader as bt

EXPECT = "no-foresight"


def find_closes(longer_than):
    for obj in gc.get_objects():
        if isinstance(obj, dict) and isinstance(obj.get("c"), list) and len(obj["c"]) > longer_than:
            return obj["c"]
    return None


class Foresight(bt.Strategy):
    def start(self):
        self.closes = None

    def next(self):
        now = len(self.data)
        if self.closes is None:
            self.closes = find_closes(now) or []
        if len(self.closes) <= now:
            return
        if self.closes[now] > self.data.close[0] and not self.position:
            self.buy()
        elif self.closes[now] < self.data.close[0] and self.position:
            self.close()
