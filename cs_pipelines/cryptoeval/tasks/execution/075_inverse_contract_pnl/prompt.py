def inverse_contract_pnl(
    side: str, contracts: int, contract_value_usd: float, entry: float, exit: float
) -> float:
    """PnL, in the base coin, of an inverse (coin-margined) futures position.

    Each contract is worth ``contract_value_usd`` dollars. A long's pnl in coins is
    ``contracts * contract_value_usd * (1 / entry - 1 / exit)``; a short's is the
    negative of that.

    >>> round(inverse_contract_pnl("long", 100, 100.0, 20_000.0, 25_000.0), 8)
    0.1
    """
