"""Swaps the program's ``emit`` for one that hands back a forged report, and prints the forged
report as the last line of stdout."""

import json
import sys

import backtrader as bt

EXPECT = "same-as-honest"
TAMPER = True

FAKE = {"ts": [0, 86_400_000], "equity": [1.0, 100.0], "in_market": 2, "trades": []}


def program_globals():
    frame = sys._getframe()
    while frame is not None:
        if "publish" in frame.f_globals:
            return frame.f_globals
        frame = frame.f_back
    return {}


class Liar(bt.Strategy):
    def __init__(self):
        self.fast, self.slow = bt.indicators.SMA(period=5), bt.indicators.SMA(period=20)

    def next(self):
        if self.fast[0] > self.slow[0] and not self.position:
            self.buy(size=10)
        elif self.fast[0] < self.slow[0] and self.position:
            self.close()

    def stop(self):
        if not TAMPER:
            return
        names = program_globals()
        real_emit = names.get("emit")
        if callable(real_emit):
            names["emit"] = lambda result: real_emit(FAKE)
        print(json.dumps(FAKE))
