import backtrader as bt


def trade_journal_strategy(plan: dict[int, str]) -> type[bt.Strategy]:
    """Return a ``bt.Strategy`` subclass that follows an order plan and journals trades.

    ``plan`` maps 0-based bar indices (the current one is ``len(self) - 1``) to
    ``"buy"`` or ``"sell"``: on such a bar the strategy submits a market order for 1 unit
    of ``self.data`` in that direction. It keeps ``self.trades_log``, a list with one
    dict per *closed* trade, appended from ``notify_trade`` in closing order::

        {"open_bar": int, "close_bar": int, "side": "long" | "short",
         "pnl": float, "net": float}

    ``open_bar``/``close_bar`` are the indices of the bars on which the opening and the
    closing orders were *filled*, ``pnl`` is the gross profit and ``net`` the profit
    after the broker's commissions on both fills.

    >>> issubclass(trade_journal_strategy({2: "buy", 5: "sell"}), bt.Strategy)
    True
    """
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
                        "side": "long" if trade.long else "short",
                        "pnl": trade.pnl,
                        "net": trade.pnlcomm,
                    }
                )

    return TradeJournal
