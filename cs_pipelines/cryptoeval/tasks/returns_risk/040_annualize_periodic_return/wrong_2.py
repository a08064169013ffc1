def annualize_periodic_return(mean_return: float, periods_per_year: int = 365) -> float:
    return (1.0 + mean_return) ** 252 - 1.0
