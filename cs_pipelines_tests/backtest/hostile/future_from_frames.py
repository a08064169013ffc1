"""Walks the call stack to the program's globals and takes the bars from there."""

import sys

import backtrader as bt

EXPECT = "no-foresight"


def program_feeds():
    frame = sys._getframe()
    while frame is not None:
        feeds = frame.f_globals.get("FEEDS")
        if isinstance(feeds, dict) and feeds:
            return next(iter(feeds.values()))["c"]
        frame = frame.f_back
    return None


class Foresight(bt.Strategy):
    def next(self):
        closes = program_feeds() or []
        now = len(self.data)
        if len(closes) <= now:
            return
        if closes[now] > self.data.close[0] and not self.position:
            self.buy()
        elif closes[now] < self.data.close[0] and self.position:
            self.close()
