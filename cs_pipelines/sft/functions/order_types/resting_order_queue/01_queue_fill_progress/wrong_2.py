def queue_fill_progress(
    ahead: float, my_qty: float, events: list[tuple[str, float]]
) -> tuple[float, float]:
    front = float(ahead)
    done = 0.0
    for kind, q in events:
        if q < 0:
            raise ValueError("event quantities must be non-negative")
        if kind == "trade":
            eaten = min(front, q)
            front -= eaten
            done = min(my_qty, done + (q - eaten))
        elif kind in ("cancel_ahead", "cancel_behind"):
            front = max(0.0, front - q)
        else:
            raise ValueError(f"unknown event {kind!r}")
    return front, done
