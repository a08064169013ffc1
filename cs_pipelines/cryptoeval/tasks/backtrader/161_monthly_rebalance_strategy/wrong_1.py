import backtrader as bt


def monthly_rebalance_strategy(
    weights: tuple[float, ...] = (0.6, 0.4),
) -> type[bt.Strategy]:
    class MonthlyRebalance(bt.Strategy):
        def __init__(self):
            self.month = None

        def next(self):
            month = self.datas[0].datetime.date(0).month
            if month == self.month:
                return
            self.month = month
            value = self.broker.getvalue()
            for weight, data in zip(weights, self.datas):
                target = int(weight * value / data.close[0])
                self.order_target_size(data=data, target=target)

    return MonthlyRebalance
