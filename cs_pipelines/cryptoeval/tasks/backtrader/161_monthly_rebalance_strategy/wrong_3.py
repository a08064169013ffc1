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
            orders = []
            for weight, data in zip(weights, self.datas):
                current = self.getposition(data).size * data.close[0]
                target = weight * self.broker.getvalue()
                orders.append((target > current, data, weight))
            for _, data, weight in sorted(orders, key=lambda o: o[0]):
                self.order_target_percent(data=data, target=weight)

    return MonthlyRebalance
