import backtrader as bt


def dca_strategy(quote_amount: float, every: int) -> type[bt.Strategy]:
    class DcaStrategy(bt.Strategy):
        def next(self):
            if (len(self) - 1) % every == 0:
                self.buy(size=quote_amount * self.data.close[0])

    return DcaStrategy
