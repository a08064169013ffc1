def gross_net_exposure(
    quantities: dict[str, float], prices: dict[str, float], equity: float
) -> tuple[float, float]:
    if equity <= 0:
        raise ValueError("equity must be positive")
    gross = 0.0
    net = 0.0
    for asset, qty in quantities.items():
        if asset not in prices:
            raise ValueError(f"no price for {asset}")
        value = qty * prices[asset]
        gross += abs(value)
        net += value
    return gross / equity, abs(net) / equity
