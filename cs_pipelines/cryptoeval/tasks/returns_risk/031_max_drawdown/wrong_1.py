def max_drawdown(equity: list[float]) -> float:
    if not equity:
        return 0.0
    return (max(equity) - min(equity)) / max(equity)
