def inverse_contract_pnl(
    side: str, contracts: int, contract_value_usd: float, entry: float, exit: float
) -> float:
    pnl = contracts * contract_value_usd * (1.0 / exit - 1.0 / entry)
    return pnl if side == "long" else -pnl
