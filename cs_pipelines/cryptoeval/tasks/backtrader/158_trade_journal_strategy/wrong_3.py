import backtrader as bt


def trade_journal_strategy(plan: dict[int, str]) -> type[bt.Strategy]:
    class TradeJournal(bt.Strategy):
        def __init__(self):
            self.trades_log = []

        def next(self):
            action = plan.get(len(self) - 1)
            if action == "buy":
                self.buy(size=1)
            elif action == "sell":
                self.sell(size=1)

        def notify_trade(self, trade):
            if trade.isclosed:
                self.trades_log.append(
                    {
                        "open_bar": trade.baropen - 1,
                        "close_bar": trade.barclose - 1,
                        "side": "long" if trade.size > 0 else "short",
                        "pnl": trade.pnl,
                        "net": trade.pnlcomm,
                    }
                )

    return TradeJournal
