"""A strategy module before the commit."""

import math

import numpy as np

PERIOD = 20


def sharpe(returns, periods=365):
    mean = sum(returns) / len(returns)
    std = math.sqrt(sum((r - mean) ** 2 for r in returns) / len(returns))
    return mean / std * math.sqrt(periods)


def unchanged(x):
    return x + 1


def rsi(closes, period=14):
    gains = np.diff(closes).clip(min=0)
    return gains[-period:].mean()


class Cross:
    """Buy on a cross."""

    params = (("fast", 10), ("slow", 30))

    def __init__(self):
        self.n = 0

    @property
    def size(self):
        return 1

    @size.setter
    def size(self, value):
        self.n = int(value)

    def next(self):
        self.n += 1
