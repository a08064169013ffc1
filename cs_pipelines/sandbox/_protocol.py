"""Length-prefixed frames over pipes: JSON messages between the pool (client) and a fork server,
and a streaming run's items and messages between the server and its child."""

from __future__ import annotations

import json
import os
import struct
from typing import Any

HEADER = struct.Struct(">I")


def send(fd: int, message: dict[str, Any]) -> None:
    write_all(fd, frame(json.dumps(message).encode()))


def frame(data: bytes) -> bytes:
    return HEADER.pack(len(data)) + data


def recv_bytes(fd: int) -> bytes | None:
    """One frame's bytes, or None at end of stream."""
    header = read_exact(fd, HEADER.size)
    if header is None:
        return None
    return read_exact(fd, HEADER.unpack(header)[0])


def recv(fd: int) -> dict[str, Any] | None:
    """One message, or None at end of stream (the other side exited)."""
    body = recv_bytes(fd)
    return None if body is None else json.loads(body)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def read_exact(fd: int, size: int) -> bytes | None:
    chunks, remaining = [], size
    while remaining:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)
