import math


def max_contracts(
    balance: float, leverage: float, price: float, contract_size: float, taker_fee: float
) -> int:
    """Largest whole number of linear-perpetual contracts a market order can open.

    Each contract needs initial margin ``price * contract_size / leverage`` plus the
    taker fee ``price * contract_size * taker_fee``; the total must not exceed
    ``balance``. Round *down* (an order that is one contract too big is rejected).

    >>> max_contracts(1000.0, 10.0, 20_000.0, 0.001, 0.0006)
    497
    """
    per_contract = price * contract_size * (1.0 / leverage + taker_fee)
    return int(round(balance / per_contract))
