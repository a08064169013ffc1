def pair_position_states(
    zscores: list[float], entry_z: float, exit_z: float
) -> list[int]:
    if not 0 <= exit_z < entry_z:
        raise ValueError("need 0 <= exit_z < entry_z")
    state = 0
    path = []
    for z in zscores:
        if z == z:
            if state == 0:
                if z > entry_z:
                    state = -1
                elif z < -entry_z:
                    state = 1
            elif abs(z) < exit_z:
                state = 0
        path.append(state)
    return path
