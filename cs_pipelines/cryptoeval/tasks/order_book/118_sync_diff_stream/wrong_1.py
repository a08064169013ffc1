def sync_diff_stream(snapshot_id: int, events: list[tuple[int, int]]) -> list[int]:
    return [i for i, (first, final) in enumerate(events) if final > snapshot_id]
