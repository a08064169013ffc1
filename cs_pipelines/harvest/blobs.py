"""Read blob contents through one long-running ``git cat-file --batch`` process.

Starting a process per blob costs milliseconds; a batch process answers in microseconds. Ids are
written in small chunks and their answers read back before the next chunk, so neither pipe can
fill up while the other side waits (a chunk is far smaller than a pipe buffer).
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import git

from cs_pipelines.harvest.gitenv import GIT_ENV

CHUNK_IDS = 256  # 256 ids x 41 bytes = ~10 KiB, well under a 64 KiB pipe buffer
_DISCARD_CHUNK = 1 << 20


@dataclass(frozen=True)
class Blob:
    """A blob's first ``limit`` bytes (``data``), its full ``size``; ``data`` None if missing."""

    data: bytes | None
    size: int

    @property
    def truncated(self) -> bool:
        return self.data is not None and len(self.data) < self.size


MISSING = Blob(None, 0)


class BlobReader:
    """``git cat-file --batch`` over a repository; use as a context manager."""

    def __init__(self, git_dir: Path, env: Mapping[str, str] | None = None) -> None:
        self._proc = git.Git(str(git_dir)).execute(
            ["git", "cat-file", "--batch"],
            as_process=True,
            istream=subprocess.PIPE,
            env=dict(env or {}),
        )
        self._stdin: BinaryIO = self._proc.proc.stdin
        self._stdout: BinaryIO = self._proc.proc.stdout

    def __enter__(self) -> BlobReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        proc = self._proc.proc
        if proc.stdin and not proc.stdin.closed:
            with contextlib.suppress(OSError):
                proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()

    def read_many(self, ids: Iterable[str], limit: int) -> dict[str, Blob]:
        """The blobs named by ``ids``, each capped at ``limit`` bytes (missing ones: MISSING)."""
        unique = list(dict.fromkeys(ids))
        found: dict[str, Blob] = {}
        for start in range(0, len(unique), CHUNK_IDS):
            chunk = unique[start : start + CHUNK_IDS]
            self._stdin.write(("\n".join(chunk) + "\n").encode("ascii"))
            self._stdin.flush()
            for object_id in chunk:
                found[object_id] = self._read_answer(object_id, limit)
        return found

    def _read_answer(self, object_id: str, limit: int) -> Blob:
        header = self._stdout.readline()
        if not header:
            raise RuntimeError(f"git cat-file --batch exited while reading {object_id}")
        parts = header.split()
        if len(parts) != 3:  # "<id> missing" / "<id> ambiguous"
            return MISSING
        size = int(parts[2])
        data = self._stdout.read(min(size, limit))
        left = size - len(data)
        while left > 0:  # skip what is over the cap without holding it in memory
            skipped = self._stdout.read(min(left, _DISCARD_CHUNK))
            if not skipped:
                raise RuntimeError(f"git cat-file --batch exited while reading {object_id}")
            left -= len(skipped)
        self._stdout.read(1)  # the newline after the contents
        return Blob(data if parts[1] == b"blob" else None, size)


def mirror_blob_texts(
    mirrors_dir: Path, max_bytes: int
) -> Callable[[str, Sequence[str]], dict[str, str | None]]:
    """Blob texts from the bare mirror of a repository (``<mirrors_dir>/<repo>.git``), for
    curation's unit form: ``texts(repo, ids)`` maps each id to its UTF-8 text, or None where the
    blob is missing, over ``max_bytes``, or not UTF-8, and every id to None where the mirror is
    missing or git fails on it (a broken repository costs its unit pairs, not the run)."""

    def texts(repo: str, ids: Sequence[str]) -> dict[str, str | None]:
        found: dict[str, str | None] = dict.fromkeys(ids)
        mirror = mirrors_dir / f"{repo}.git"
        if not ids or not mirror.is_dir():
            return found
        try:
            with BlobReader(mirror, GIT_ENV) as reader:
                blobs = reader.read_many(ids, max_bytes)
        except (OSError, RuntimeError, ValueError, git.GitCommandError):
            return found
        for blob_id, blob in blobs.items():
            if blob.data is not None and not blob.truncated:
                with contextlib.suppress(UnicodeDecodeError):
                    found[blob_id] = blob.data.decode("utf-8")
        return found

    return texts
