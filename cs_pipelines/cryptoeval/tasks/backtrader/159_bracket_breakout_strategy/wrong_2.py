import backtrader as bt


def bracket_breakout_strategy(
    lookback: int = 5, take_pct: float = 0.04, stop_pct: float = 0.02
) -> type[bt.Strategy]:
    """Return a ``bt.Strategy`` subclass: breakout entries that exit at a take-profit or
    a stop-loss, whichever fills first.

    When flat with no order pending and ``self.data``'s close is strictly above the
    highest close of the previous ``lookback`` bars, the strategy buys 1 unit with a
    market order. Let ``P`` be the close of that signal bar (the order fills at the next
    open, which on the test data equals ``P``). Once the buy has filled, the position is
    exited by a sell ``bt.Order.Limit`` at ``P * (1 + take_pct)`` or a sell
    ``bt.Order.Stop`` at ``P * (1 - stop_pct)``, whichever fills first; the other one is
    cancelled then (the position must never turn short).

    >>> issubclass(bracket_breakout_strategy(3, 0.03, 0.03), bt.Strategy)
    True
    """
    class BracketBreakout(bt.Strategy):
        def __init__(self):
            self.upper = bt.indicators.Highest(self.data.close(-1), period=lookback)

        def next(self):
            if not self.position and self.data.close[0] > self.upper[0]:
                price = self.data.close[0]
                self.buy_bracket(
                    size=1,
                    exectype=bt.Order.Market,
                    limitprice=price * (1.0 - stop_pct),
                    stopprice=price * (1.0 + take_pct),
                )

    return BracketBreakout
