import math


def max_contracts(
    balance: float, leverage: float, price: float, contract_size: float, taker_fee: float
) -> int:
    per_contract = price * contract_size / leverage
    return int(math.floor(balance / per_contract + 1e-12))
