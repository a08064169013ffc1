def pair_position_states(
    zscores: list[float], entry_z: float, exit_z: float
) -> list[int]:
    """Position in the spread after each z-score of a mean-reversion pair rule.

    Start flat (``0``). While flat, a z-score of at least ``entry_z`` opens a short
    spread (``-1``) and one of at most ``-entry_z`` opens a long spread (``+1``).
    A short spread is closed once ``z <= exit_z``; a long spread once
    ``z >= -exit_z``. A position is never reversed on the same observation, and a
    NaN z-score leaves the state unchanged. Return the state after every value.

    Raise ``ValueError`` unless ``0 <= exit_z < entry_z``.

    >>> pair_position_states([0.5, 2.1, 1.5, 0.4, -2.5], 2.0, 0.5)
    [0, -1, -1, 0, 1]
    """
    if not 0 <= exit_z < entry_z:
        raise ValueError("need 0 <= exit_z < entry_z")
    state = 0
    path = []
    for z in zscores:
        if z == z:
            if state == 0:
                if z >= entry_z:
                    state = -1
                elif z <= -entry_z:
                    state = 1
            elif state == -1 and z <= 0:
                state = 0
            elif state == 1 and z >= 0:
                state = 0
        path.append(state)
    return path
