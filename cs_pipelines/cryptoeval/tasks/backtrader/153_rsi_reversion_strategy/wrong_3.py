import backtrader as bt


def rsi_reversion_strategy(
    period: int = 14, lower: float = 30.0, upper: float = 70.0
) -> type[bt.Strategy]:
    class RsiReversion(bt.Strategy):
        def __init__(self):
            self.rsi = bt.indicators.RSI(self.data.close, period=period)

        def next(self):
            if not self.position and self.rsi[0] < lower:
                self.buy(size=1)
            elif self.position and self.rsi[0] > lower:
                self.close()

    return RsiReversion
