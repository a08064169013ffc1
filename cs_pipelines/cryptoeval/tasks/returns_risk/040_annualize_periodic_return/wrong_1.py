def annualize_periodic_return(mean_return: float, periods_per_year: int = 365) -> float:
    return mean_return * periods_per_year
