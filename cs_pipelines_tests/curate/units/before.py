"""A strategy module before the commit."""

import math

PERIOD = 20


def sharpe(returns):
    mean = sum(returns) / len(returns)
    return mean / math.sqrt(sum((r - mean) ** 2 for r in returns))


def unchanged(x):
    return x + 1


def dropped():
    return None


class Cross:
    """Buy on a cross."""

    params = (("fast", 10),)

    def __init__(self):
        self.n = 0

    @property
    def size(self):
        return 1

    @size.setter
    def size(self, value):
        self.n = value

    def next(self):
        self.n += 1
