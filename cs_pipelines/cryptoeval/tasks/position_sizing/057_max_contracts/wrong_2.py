import math


def max_contracts(
    balance: float, leverage: float, price: float, contract_size: float, taker_fee: float
) -> int:
    per_contract = price * contract_size * (1.0 / leverage + taker_fee)
    return int(round(balance / per_contract))
