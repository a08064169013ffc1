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
            value = self.broker.getcash()
            orders = []
            for weight, data in zip(weights, self.datas):
                target = int(weight * value / data.close[0])
                delta = target - self.getposition(data).size
                if delta:
                    orders.append((delta > 0, data, target))
            for _, data, target in sorted(orders, key=lambda o: o[0]):
                self.order_target_size(data=data, target=target)

    return MonthlyRebalance
