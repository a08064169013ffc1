def futures_basis_apr(spot: float, futures: float, days_to_expiry: float) -> float:
    if days_to_expiry <= 0:
        raise ValueError("days_to_expiry must be positive")
    return (futures - spot) / futures * 365.0 / days_to_expiry
