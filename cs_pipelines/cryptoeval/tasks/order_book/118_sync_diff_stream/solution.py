def sync_diff_stream(snapshot_id: int, events: list[tuple[int, int]]) -> list[int]:
    """Which depth-diff events to apply on top of a REST snapshot (Binance procedure).

    Each event is ``(first_update_id, final_update_id)``, in arrival order. Drop events
    with ``final_update_id <= snapshot_id``. The first remaining event must straddle the
    snapshot: ``first_update_id <= snapshot_id + 1 <= final_update_id``. Every later
    event must start exactly at the previous event's ``final_update_id + 1``. Return the
    indices (into ``events``) to apply; raise ``ValueError`` on any violation (the local
    book is out of sync and must be rebuilt).

    >>> sync_diff_stream(100, [(90, 95), (96, 100), (99, 103), (104, 110)])
    [2, 3]
    """
    out = []
    prev_final = None
    for i, (first, final) in enumerate(events):
        if final <= snapshot_id:
            continue
        if prev_final is None:
            if not first <= snapshot_id + 1 <= final:
                raise ValueError("first event does not cover the snapshot")
        elif first != prev_final + 1:
            raise ValueError("gap in update ids")
        out.append(i)
        prev_final = final
    return out
