def sync_diff_stream(snapshot_id: int, events: list[tuple[int, int]]) -> list[int]:
    out = []
    prev_final = None
    for i, (first, final) in enumerate(events):
        if final <= snapshot_id:
            continue
        if prev_final is None:
            if first != snapshot_id + 1:
                raise ValueError("first event does not cover the snapshot")
        elif first != prev_final + 1:
            raise ValueError("gap in update ids")
        out.append(i)
        prev_final = final
    return out
