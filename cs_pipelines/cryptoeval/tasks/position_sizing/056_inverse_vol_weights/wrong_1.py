def inverse_vol_weights(vols: dict[str, float]) -> dict[str, float]:
    total = sum(vols.values())
    return {k: v / total for k, v in vols.items()}
