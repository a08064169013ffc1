import backtrader as bt


def bracket_breakout_strategy(
    lookback: int = 5, take_pct: float = 0.04, stop_pct: float = 0.02
) -> type[bt.Strategy]:
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
