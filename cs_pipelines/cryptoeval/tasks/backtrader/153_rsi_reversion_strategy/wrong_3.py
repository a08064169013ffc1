import backtrader as bt


def rsi_reversion_strategy(
    period: int = 14, lower: float = 30.0, upper: float = 70.0
) -> type[bt.Strategy]:
    """Return a ``bt.Strategy`` subclass trading long-only RSI mean reversion.

    The RSI is backtrader's ``bt.indicators.RSI`` of ``self.data``'s close over
    ``period`` bars (Wilder smoothing). When flat and the RSI is below ``lower``, the
    strategy buys 1 unit with a market order; when long and the RSI is above ``upper``,
    it closes the position with a market order.

    >>> issubclass(rsi_reversion_strategy(period=3), bt.Strategy)
    True
    """
    class RsiReversion(bt.Strategy):
        def __init__(self):
            self.rsi = bt.indicators.RSI(self.data.close, period=period)

        def next(self):
            if not self.position and self.rsi[0] < lower:
                self.buy(size=1)
            elif self.position and self.rsi[0] > lower:
                self.close()

    return RsiReversion
