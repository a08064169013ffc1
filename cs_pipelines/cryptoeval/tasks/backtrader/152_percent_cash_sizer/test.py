class _BtPlan(bt.Strategy):
    params = (("plan", {}),)

    def next(self):
        action = self.p.plan.get(len(self) - 1)
        if action == "buy":
            self.buy()
        elif action == "sell":
            self.sell()


def check(candidate):
    closes = [100, 135, 141.5, 139, 150, 155, 160, 158, 163, 166]
    plan = {1: "buy", 3: "buy", 5: "sell", 7: "buy"}
    strat, fills, value = _bt_run(_BtPlan, closes, sizer=candidate(25.0), plan=plan)
    # 2500 / 135 = 18.5185 -> 18.518; then 25% of the cash left (7500.07) at 139.
    expected = [
        (2, 0, "buy", 18.518, 135.0),
        (4, 0, "buy", 13.489, 139.0),
        (6, 0, "sell", 32.007, 155.0),
        (8, 0, "buy", 16.75, 158.0),
    ]
    assert _close(fills, expected, abs_tol=1e-9)
    assert _close(strat.position.size, 16.75)
    assert _close(value, 10_720.184)
    sizer = candidate()
    strat, fills, value = _bt_run(_BtPlan, closes, sizer=sizer, plan={0: "sell"})
    assert fills == [] and strat.position.size == 0
    strat, fills, value = _bt_run(_BtPlan, closes, sizer=sizer, plan={0: "buy"})
    assert _close(fills, [(1, 0, "buy", 20.0, 100.0)])
