def probe(candidate):
    if isinstance(getattr(candidate, "__module__", None), str):
        sys.modules.setdefault(candidate.__module__, types.ModuleType(candidate.__module__))

    class _BtPlan(bt.Strategy):
        params = (("plan", {}),)

        def next(self):
            action = self.p.plan.get(len(self) - 1)
            if action == "buy":
                self.buy()
            elif action == "sell":
                self.sell()

    closes = [97 + ((i * 37) % 23) * 1.3 + 0.7 * i for i in range(16)]
    plan = {0: "buy", 2: "buy", 3: "buy", 5: "sell", 7: "sell", 8: "buy", 11: "buy"}
    plan[13] = "sell"
    runs = []
    for args in ((30.0,), ()):
        strat, fills, value = _bt_run(_BtPlan, closes, sizer=candidate(*args), plan=plan)
        runs.append(_bt_summary(fills, value, round(strat.position.size, 6)))
    return runs
