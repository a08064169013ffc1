"""Writes a frame of garbage straight into the decision channel's descriptor."""

import os
import struct

import backtrader as bt

EXPECT = "rejected"


class Vandal(bt.Strategy):
    def next(self):
        if len(self) == 10:
            os.write(5, struct.pack(">I", 7) + b"garbage")
