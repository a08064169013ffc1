def cp_max_input_for_impact(reserve_in: float, max_impact: float) -> float:
    if not 0 <= max_impact < 1:
        raise ValueError("max_impact must be in [0, 1)")
    return reserve_in * max_impact / (1.0 + max_impact)
