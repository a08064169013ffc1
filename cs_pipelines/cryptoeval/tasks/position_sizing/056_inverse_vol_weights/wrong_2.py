def inverse_vol_weights(vols: dict[str, float]) -> dict[str, float]:
    inv = {k: 1.0 / v**2 for k, v in vols.items()}
    total = sum(inv.values())
    return {k: x / total for k, x in inv.items()}
