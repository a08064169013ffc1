"""Sends its own message down the decision channel (an order far larger than any account),
then stops the run so that the message count stays plausible."""

import sys

import backtrader as bt

EXPECT = "rejected"

ORDER = {
    "side": "buy",
    "ref": 10**9,
    "feed": 0,
    "size": 1e30,
    "price": None,
    "plimit": None,
    "exectype": None,
    "valid": None,
    "tradeid": 0,
    "oco": None,
    "trailamount": None,
    "trailpercent": None,
    "parent": None,
    "transmit": True,
}


def find_exchange():
    frame = sys._getframe()
    while frame is not None:
        if callable(frame.f_globals.get("exchange")):
            return frame.f_globals["exchange"]
        frame = frame.f_back
    return None


class Forger(bt.Strategy):
    def next(self):
        exchange = find_exchange()
        if len(self) == 10 and exchange is not None:
            exchange([ORDER])
            self.env.runstop()
