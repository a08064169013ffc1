def probe(candidate):
    if isinstance(getattr(candidate, "__module__", None), str):
        sys.modules.setdefault(candidate.__module__, types.ModuleType(candidate.__module__))

    closes = [100 + ((i * 37) % 23) * 0.8 for i in range(24)]
    plan = {1: "buy", 4: "sell", 5: "sell", 9: "buy", 10: "buy", 11: "buy", 15: "sell"}
    plan.update({16: "sell", 18: "sell", 20: "buy", 22: "buy"})
    strat, fills, value = _bt_run(candidate(plan), closes, commission=0.002)
    log = [
        [t["open_bar"], t["close_bar"], t["side"], _bt_sig(t["pnl"]), _bt_sig(t["net"])]
        for t in strat.trades_log
    ]
    return [_bt_summary(fills, value, strat.position.size), log]
