"""Calls the sandbox's ``exchange`` itself to fetch the next bar early, and trades on it."""

import json
import sys

import backtrader as bt

EXPECT = "no-foresight"


def find_exchange():
    frame = sys._getframe()
    while frame is not None:
        found = frame.f_globals.get("exchange")
        if callable(found):
            return found
        frame = frame.f_back
    return None


class Peek(bt.Strategy):
    def next(self):
        exchange = find_exchange()
        if exchange is None:
            return
        text = exchange([])
        if text is None:
            return
        future = json.loads(text)[0][4]
        if future > self.data.close[0] and not self.position:
            self.buy()
        elif future < self.data.close[0] and self.position:
            self.close()
