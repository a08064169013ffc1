"""Stream a repository's history out of ONE ``git log`` process into RAW_COMMITS_SCHEMA frames.

``git log --raw --numstat -p -z`` prints, per commit, a header in our own ``--format`` (fields
separated by NUL), the raw entries (modes, blob ids, change letter, NUL-terminated paths), the
numstat entries and the patch text. Records start with :data:`MARKER`, which holds a NUL and a
newline and so can occur neither in a commit message nor at the start of a patch line. The
output is read in large chunks, cut into records with ``bytes.find`` and parsed with slicing;
files are kept as flat columns and turned into a list-of-struct column by pyarrow, so there is
no Python object per file and only a light one per commit.

When git dies on a commit (a blob missing from the object store: ``unable to read <id>``), the
commits before it are kept, the failing commit is isolated by running git on the one or two
candidates alone, stored with what can still be read (metadata, the file list from ``--raw``
without rename detection) and an ``error``, and the stream restarts on the commits that are
left (``git log --no-walk=unsorted --stdin``).
"""

from __future__ import annotations

import subprocess
import tempfile
import threading
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import git
import polars as pl
import pyarrow as pa

from cs_pipelines.harvest.blobs import BlobReader
from cs_pipelines.harvest.gitenv import GIT_ENV
from cs_pipelines.harvest.languages import language_for_path
from cs_pipelines.harvest.repos import ReferenceRepo
from cs_pipelines.harvest.schema import RAW_COMMITS_SCHEMA

if TYPE_CHECKING:
    from cs_pipelines.harvest.config import HarvestConfig

MARKER = b"\n\x1e\x1fcs-harvest\x1f\x00"
FORMAT = "%n%x1e%x1fcs-harvest%x1f%x00%H%x00%P%x00%an%x00%ae%x00%at%x00%cn%x00%ce%x00%ct%x00%B%x00"
N_HEADER_FIELDS = 9
ZERO_ID = b"0" * 40
SUBMODULE_MODE = b"160000"
READ_CHUNK = 1 << 20
# Past this, a single commit's output (header + file list + patch) is cut, so memory stays bounded.
MAX_RECORD_BYTES = 64 << 20
# A batch is also written early once it holds this many bytes of text.
MAX_BATCH_BYTES = 128 << 20
CONTENT_REQUESTS_PER_READ = 256

CONFIG = [
    "-c", "log.showSignature=false",
    "-c", "log.showRoot=true",
    "-c", "diff.submodule=short",
    "-c", "core.quotePath=true",
]  # fmt: skip
DIFF_OPTIONS = [
    "--no-color", "--no-ext-diff", "--no-textconv", "--no-mailmap", "--diff-merges=off",
    "--src-prefix=a/", "--dst-prefix=b/", "-z", "--no-abbrev", f"--format=tformat:{FORMAT}",
]  # fmt: skip
# No --numstat: git would diff every file a second time; count_lines reads the counts off the
# patch instead (about a third less git time, same numbers).
FULL_OPTIONS = [*DIFF_OPTIONS, "--raw", "-p", "-M"]
RAW_ONLY_OPTIONS = [*DIFF_OPTIONS, "--raw", "--no-renames"]

FILE_FIELDS: dict[str, pa.DataType] = {
    "path": pa.string(),
    "old_path": pa.string(),
    "change_type": pa.string(),
    "insertions": pa.int32(),
    "deletions": pa.int32(),
    "language": pa.string(),
    "is_binary": pa.bool_(),
    "is_submodule": pa.bool_(),
    "old_blob": pa.string(),
    "new_blob": pa.string(),
}


class HarvestError(RuntimeError):
    """Git could not be run on a repository at all; the message names the repo and the cause."""


@dataclass(frozen=True)
class Record:
    """One commit's bytes from ``git log``; ``error`` says what could not be read."""

    data: bytes
    cut: bool = False  # the output was over MAX_RECORD_BYTES and was cut
    error: str | None = None


# --------------------------------------------------------------------------------------------
# Public entry points


def iter_commit_batches(
    mirror: Path, repo: ReferenceRepo, revs: list[str], config: HarvestConfig
) -> Iterator[pl.DataFrame]:
    """Frames of at most ``config.batch_size`` commits (RAW_COMMITS_SCHEMA) for ``git log revs``.

    ``revs`` are git revision arguments, e.g. ``["HEAD"]`` or ``[new, "^" + old]``.
    """
    yield from _iter_batches(mirror, repo, config, revs=list(revs), shas=None)


def iter_commit_batches_for_shas(
    mirror: Path, repo: ReferenceRepo, shas: Sequence[str], config: HarvestConfig
) -> Iterator[pl.DataFrame]:
    """Like :func:`iter_commit_batches` for an explicit list of commits, in that order."""
    if shas:
        yield from _iter_batches(mirror, repo, config, revs=None, shas=list(shas))


def run_git(mirror: Path, repo: ReferenceRepo, args: Sequence[str]) -> tuple[int, str, str]:
    """Run a short git command in ``mirror``: (exit status, stdout, stderr), never raising."""
    status, out, err = _git(mirror).execute(
        ["git", *args],
        with_extended_output=True,
        with_exceptions=False,
        env=GIT_ENV,
        strip_newline_in_stdout=False,
    )
    return status, out, err


def rev_list(mirror: Path, repo: ReferenceRepo, revs: Sequence[str]) -> list[str]:
    """The commits ``git log revs`` walks, in the same order."""
    status, out, err = run_git(mirror, repo, ["rev-list", *revs, "--"])
    if status != 0:
        raise HarvestError(f"{repo.name}: git rev-list {' '.join(revs)} failed: {_last_line(err)}")
    return out.split()


def _git(mirror: Path) -> git.Git:
    return git.Git(str(mirror))


# --------------------------------------------------------------------------------------------
# Batching


def _iter_batches(
    mirror: Path,
    repo: ReferenceRepo,
    config: HarvestConfig,
    revs: list[str] | None,
    shas: list[str] | None,
) -> Iterator[pl.DataFrame]:
    if not mirror.exists():
        raise HarvestError(f"{repo.name}: mirror {mirror} does not exist")
    harvested_at = datetime.now(UTC)
    reader = BlobReader(mirror, GIT_ENV) if config.read_contents else None
    try:
        batch = _Batch(repo, config, reader)
        for record in _iter_records(mirror, repo, revs, shas):
            batch.add(record)
            if batch.full():
                yield batch.to_frame(harvested_at)
                batch = _Batch(repo, config, reader)
        if batch.n_rows:
            yield batch.to_frame(harvested_at)
    finally:
        if reader is not None:
            reader.close()


# --------------------------------------------------------------------------------------------
# Running git log and recovering from commits it cannot read


def _iter_records(
    mirror: Path, repo: ReferenceRepo, revs: list[str] | None, shas: list[str] | None
) -> Iterator[Record]:
    """Every commit of ``git log revs`` (or of ``shas``), surviving commits git dies on."""
    pending = shas
    unexplained = 0
    while pending is None or pending:
        run = _LogRun(mirror, revs if pending is None else None, pending)
        n_done = 0
        for record in run.records():
            yield record
            n_done += 1
        if run.returncode == 0:
            return
        if pending is None:
            pending = rev_list(mirror, repo, revs or [])
        next_index, explained = yield from _isolate_failure(mirror, repo, pending, n_done)
        if not explained:
            unexplained += 1
            if unexplained > 3:
                raise HarvestError(f"{repo.name}: git log keeps failing: {run.stderr_summary}")
        pending = pending[next_index:]


def _isolate_failure(
    mirror: Path, repo: ReferenceRepo, pending: list[str], n_done: int
) -> Generator[Record, None, tuple[int, bool]]:
    """Run git alone on the commits it may have died on (the last one it started, or the next).

    Yields their records; returns (index of the first commit left to stream, whether a failing
    commit was found).
    """
    for index in (n_done, n_done + 1):
        if index >= len(pending):
            break
        sha = pending[index]
        status, out, err = _run_log_bytes(mirror, FULL_OPTIONS, sha)
        if status == 0:
            yield from (Record(data) for data in _split_records(out))
            continue
        yield _fallback_record(mirror, repo, sha, err)
        return index + 1, True
    return n_done + 2, False


def _fallback_record(mirror: Path, repo: ReferenceRepo, sha: str, stderr: bytes) -> Record:
    """What can be read of a commit ``git log -p`` fails on: metadata and, if the trees are
    there, the file list (no rename detection: it would read the blobs)."""
    cause = _last_line(stderr.decode(errors="replace"))
    for options, what in (
        (RAW_ONLY_OPTIONS, "file list without renames, no patch, line counts"),
        (DIFF_OPTIONS, "metadata only: no file list, patch, line counts"),
    ):
        status, out, _ = _run_log_bytes(mirror, options, sha)
        records = _split_records(out) if status == 0 else []
        if records:
            error = f"git could not read this commit ({cause}); stored {what}"
            return Record(records[0], error=error)
    raise HarvestError(f"{repo.name}: cannot read commit {sha}: {cause}")


def _run_log_bytes(mirror: Path, options: Sequence[str], sha: str) -> tuple[int, bytes, bytes]:
    status, out, err = _git(mirror).execute(
        ["git", *CONFIG, "log", "--no-walk", *options, sha, "--"],
        with_extended_output=True,
        with_exceptions=False,
        stdout_as_string=False,
        strip_newline_in_stdout=False,
        env=GIT_ENV,
    )
    return status, out, err if isinstance(err, bytes) else str(err).encode()


def _split_records(output: bytes) -> list[bytes]:
    return output.split(MARKER)[1:]


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    fatal = [line for line in lines if line.startswith(("fatal:", "error:"))]
    return (fatal or lines or ["(no message)"])[-1]


class _LogRun:
    """One streaming ``git log`` process; :meth:`records` yields complete records only.

    The last record is complete only if git exits 0; otherwise it is held back, and the caller
    isolates the failing commit.
    """

    def __init__(self, mirror: Path, revs: list[str] | None, shas: list[str] | None) -> None:
        self._stdin_file: BinaryIO | None = None
        if revs is not None:
            args = [*revs, "--"]
        else:
            self._stdin_file = tempfile.TemporaryFile()  # noqa: SIM115 - closed in _close
            self._stdin_file.write(("\n".join(shas or []) + "\n").encode("ascii"))
            self._stdin_file.seek(0)
            args = ["--no-walk=unsorted", "--stdin"]
        self._handle = _git(mirror).execute(
            ["git", *CONFIG, "log", *FULL_OPTIONS, *args],
            as_process=True,
            istream=self._stdin_file,
            env=GIT_ENV,
        )
        self._proc: subprocess.Popen = self._handle.proc
        self._stderr: list[bytes] = []
        self._stderr_thread = threading.Thread(target=self._drain_stderr, daemon=True)
        self._stderr_thread.start()
        self.returncode: int | None = None

    @property
    def stderr_summary(self) -> str:
        return _last_line(b"".join(self._stderr).decode(errors="replace"))

    def _drain_stderr(self) -> None:
        self._stderr.extend(iter(lambda: self._proc.stderr.read(65536), b""))

    def records(self) -> Iterator[Record]:
        splitter = _RecordSplitter()
        try:
            read = self._proc.stdout.read1
            for chunk in iter(lambda: read(READ_CHUNK), b""):
                yield from splitter.feed(chunk)
            self.returncode = self._proc.wait()
            self._stderr_thread.join()
            last = splitter.finish()
            if self.returncode == 0 and last is not None:
                yield last
        finally:
            self._close()

    def _close(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._proc.stdout.close()
        self._stderr_thread.join(timeout=5)
        if self._stdin_file is not None:
            self._stdin_file.close()


class _RecordSplitter:
    """Cuts a byte stream at MARKER; holds at most MAX_RECORD_BYTES of one record."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self._scan = 0  # where to look for the next marker
        self._start: int | None = None  # where the current record starts, once a marker is seen
        self._head: bytes | None = None  # the kept part of an over-long record

    def feed(self, chunk: bytes) -> Iterator[Record]:
        buf = self._buf
        buf += chunk
        while (found := buf.find(MARKER, self._scan)) >= 0:
            if self._start is not None:
                yield self._emit(buf, found)
            self._start = self._scan = found + len(MARKER)
        self._scan = max(self._scan, len(buf) - len(MARKER) + 1)
        self._compact()

    def finish(self) -> Record | None:
        return None if self._start is None else self._emit(self._buf, len(self._buf))

    def _emit(self, buf: bytearray, end: int) -> Record:
        if self._head is not None:
            record, self._head = Record(self._head, cut=True), None
            return record
        return Record(bytes(buf[self._start : end]))

    def _compact(self) -> None:
        start = self._start
        if start is None:  # no marker yet: keep only what could be the start of one
            keep = len(MARKER) - 1
            del self._buf[: max(0, len(self._buf) - keep)]
            self._scan = 0
            return
        if self._head is None and len(self._buf) - start > MAX_RECORD_BYTES:
            self._head = bytes(self._buf[start : start + MAX_RECORD_BYTES])
        if self._head is not None:  # drop the rest of an over-long record as it streams past
            start = max(start, len(self._buf) - len(MARKER) + 1)
        if start:
            del self._buf[:start]
            self._scan -= start
            self._start = 0


# --------------------------------------------------------------------------------------------
# Parsing records into columns


_SEPARATE_COLUMNS = ("repo", "files", "license", "error", "harvested_at")


class _Batch:
    """Columns of up to ``batch_size`` commits; files as flat columns plus list offsets."""

    def __init__(self, repo: ReferenceRepo, config: HarvestConfig, reader: BlobReader | None):
        self.repo = repo
        self.config = config
        self.reader = reader
        self.cols: dict[str, list] = {
            name: [] for name in RAW_COMMITS_SCHEMA if name not in _SEPARATE_COLUMNS
        }
        self.files: dict[str, list] = {name: [] for name in FILE_FIELDS}
        self.offsets: list[int] = [0]
        self.errors: list[list[str]] = []
        self.content_requests: list[tuple[int, str | None, str | None]] = []
        self.n_rows = 0
        self.nbytes = 0

    def full(self) -> bool:
        return self.n_rows >= self.config.batch_size or self.nbytes >= MAX_BATCH_BYTES

    def add(self, record: Record) -> None:
        errors: list[str] = [record.error] if record.error else []
        if record.cut:
            errors.append(f"git output for this commit is over {MAX_RECORD_BYTES} bytes; cut")
        rest = self._add_header(record.data, errors)
        first_file = len(self.files["path"])
        patch: bytes | None = b""
        if rest < len(record.data):
            try:
                patch = self._add_diff(record.data, rest, errors)
            except (ValueError, IndexError):
                errors.append("could not parse git's file list for this commit; it may be partial")
                patch = None
        if record.error is not None:
            patch = None  # a fallback record has no patch and no line counts
        self._add_totals(first_file, counted=record.error is None)
        self._add_patch(patch, record.cut, errors)
        self.errors.append(errors)
        self.n_rows += 1
        self._maybe_request_contents(first_file)

    # --- header: sha, parents, people, dates, message

    def _add_header(self, data: bytes, errors: list[str]) -> int:
        fields = data.split(b"\x00", N_HEADER_FIELDS)
        if len(fields) <= N_HEADER_FIELDS:
            raise HarvestError(f"{self.repo.name}: unexpected git log output: {data[:200]!r}")
        sha, parents, an, ae, at, cn, ce, ct, message = fields[:N_HEADER_FIELDS]
        cols = self.cols
        cols["sha"].append(sha.decode("ascii"))
        parent_list = parents.decode("ascii").split()
        cols["parents"].append(parent_list)
        cols["is_merge"].append(len(parent_list) > 1)
        cols["author_name"].append(_text(an, "author name", errors))
        cols["author_email"].append(_text(ae, "author email", errors))
        cols["committer_name"].append(_text(cn, "committer name", errors))
        cols["committer_email"].append(_text(ce, "committer email", errors))
        cols["authored_at"].append(_timestamp(at, "author date", errors))
        cols["committed_at"].append(_timestamp(ct, "commit date", errors))
        subject, body = split_message(_text(message, "message", errors))
        cols["subject"].append(subject)
        cols["body"].append(body)
        # after the message: our NUL (consumed by split), git's NUL terminator, "\n" + diff
        return len(data) - len(fields[N_HEADER_FIELDS]) + 2

    # --- diff: raw entries, numstat entries, patch

    def _add_diff(self, data: bytes, pos: int, errors: list[str]) -> bytes | None:
        end = len(data)
        n_raw = 0
        files = self.files
        while pos < end and data[pos] == 0x3A:  # ":"
            pos = self._add_raw_entry(data, pos, errors)
            n_raw += 1
        numstat, pos = _parse_numstat(data, pos)
        patch = data[pos + 1 :] if pos < end else b""
        if not numstat and n_raw and patch:
            numstat = count_lines(patch, files["change_type"][len(files["path"]) - n_raw :])
        first = len(files["path"]) - n_raw
        if len(numstat) == n_raw:
            for offset, (ins, dels) in enumerate(numstat):
                files["insertions"][first + offset] = ins
                files["deletions"][first + offset] = dels
                files["is_binary"][first + offset] = ins is None
        elif n_raw and patch:
            errors.append("the patch does not match the file list; line counts not stored")
        return patch

    def _add_raw_entry(self, data: bytes, pos: int, errors: list[str]) -> int:
        meta_end = data.index(b"\x00", pos)
        old_mode, new_mode, old_id, new_id, status = data[pos + 1 : meta_end].split(b" ")
        letter = status[:1].decode("ascii")
        path_end = data.index(b"\x00", meta_end + 1)
        first_path = _text(data[meta_end + 1 : path_end], "path", errors)
        if letter in ("R", "C"):
            second_end = data.index(b"\x00", path_end + 1)
            old_path = first_path
            path = _text(data[path_end + 1 : second_end], "path", errors)
            pos = second_end + 1
        else:
            path = first_path
            old_path = None if letter == "A" else first_path
            pos = path_end + 1
        files = self.files
        files["path"].append(path)
        files["old_path"].append(old_path)
        files["change_type"].append(letter)
        files["insertions"].append(None)
        files["deletions"].append(None)
        files["language"].append(language_for_path(path))
        files["is_binary"].append(None)
        files["is_submodule"].append(old_mode == SUBMODULE_MODE or new_mode == SUBMODULE_MODE)
        files["old_blob"].append(None if old_id == ZERO_ID else old_id.decode("ascii"))
        files["new_blob"].append(None if new_id == ZERO_ID else new_id.decode("ascii"))
        return pos

    def _add_totals(self, first_file: int, counted: bool) -> None:
        """Per-commit totals: file count, and line counts (null when git could not count)."""
        n_files = len(self.files["path"]) - first_file
        self.offsets.append(first_file + n_files)
        self.cols["n_files"].append(n_files)
        ins = self.files["insertions"][first_file:]
        dels = self.files["deletions"][first_file:]
        self.cols["insertions"].append(sum(n for n in ins if n is not None) if counted else None)
        self.cols["deletions"].append(sum(n for n in dels if n is not None) if counted else None)

    def _add_patch(self, patch: bytes | None, cut: bool, errors: list[str]) -> None:
        limit = self.config.max_patch_bytes
        truncated = patch is not None and (cut or len(patch) > limit)
        if patch is not None and len(patch) > limit:
            patch = patch[: utf8_cut(patch, limit)]
        self.cols["patch"].append(None if patch is None else _text(patch, "patch", errors))
        self.cols["patch_truncated"].append(truncated)
        self.nbytes += len(patch or b"")

    # --- contents of single-file changes

    def _maybe_request_contents(self, first_file: int) -> None:
        self.cols["old_contents"].append(None)
        self.cols["new_contents"].append(None)
        self.cols["contents_truncated"].append(False)
        files = self.files
        if self.reader is None or len(files["path"]) - first_file != 1:
            return
        letter = files["change_type"][first_file]
        old_id, new_id = files["old_blob"][first_file], files["new_blob"][first_file]
        if (
            files["is_binary"][first_file]
            or files["is_submodule"][first_file]
            or letter not in ("M", "A", "D", "R", "C")
            or (letter in ("R", "C") and old_id == new_id)
        ):
            return
        self.content_requests.append((self.n_rows - 1, old_id, new_id))
        if len(self.content_requests) >= CONTENT_REQUESTS_PER_READ:
            self._read_contents()

    def _read_contents(self) -> None:
        requests, self.content_requests = self.content_requests, []
        if not requests or self.reader is None:
            return
        limit = self.config.max_contents_bytes
        ids = [i for _, old, new in requests for i in (old, new) if i is not None]
        blobs = self.reader.read_many(ids, limit + 1)
        for row, old_id, new_id in requests:
            errors = self.errors[row]
            old, old_cut = _contents(blobs, old_id, limit, "old contents", errors)
            new, new_cut = _contents(blobs, new_id, limit, "new contents", errors)
            if old is None or new is None:  # one side unreadable: a pair is useless
                continue
            self.cols["old_contents"][row] = old
            self.cols["new_contents"][row] = new
            self.cols["contents_truncated"][row] = old_cut or new_cut
            self.nbytes += len(old) + len(new)

    # --- frame

    def to_frame(self, harvested_at: datetime) -> pl.DataFrame:
        self._read_contents()
        n = self.n_rows
        cols = self.cols
        files = pa.StructArray.from_arrays(
            [pa.array(self.files[name], type=t) for name, t in FILE_FIELDS.items()],
            fields=[pa.field(name, t) for name, t in FILE_FIELDS.items()],
        )
        arrays = {
            "repo": pa.array([self.repo.name] * n, pa.string()),
            **{
                name: pa.array(cols[name], type=_ARROW_TYPES.get(name, pa.string()))
                for name in cols
            },
            "files": pa.ListArray.from_arrays(pa.array(self.offsets, pa.int32()), files),
            "license": pa.array([self.repo.license] * n, pa.string()),
            "error": pa.array(["; ".join(e) if e else None for e in self.errors], pa.string()),
            "harvested_at": pa.array([harvested_at] * n, pa.timestamp("us", tz="UTC")),
        }
        frame = pl.from_arrow(pa.table({name: arrays[name] for name in RAW_COMMITS_SCHEMA}))
        return frame.cast(RAW_COMMITS_SCHEMA)  # type: ignore[arg-type]


_ARROW_TYPES: dict[str, pa.DataType] = {
    "parents": pa.list_(pa.string()),
    "is_merge": pa.bool_(),
    "authored_at": pa.timestamp("us", tz="UTC"),
    "committed_at": pa.timestamp("us", tz="UTC"),
    "n_files": pa.int32(),
    "insertions": pa.int32(),
    "deletions": pa.int32(),
    "patch_truncated": pa.bool_(),
    "contents_truncated": pa.bool_(),
}


# --------------------------------------------------------------------------------------------
# Small helpers


def _text(raw: bytes, what: str, errors: list[str]) -> str:
    """UTF-8 text; invalid bytes become U+FFFD and ``errors`` says so (once per kind)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        note = f"{what} is not valid UTF-8 (decoded with replacement)"
        if note not in errors:
            errors.append(note)
        return raw.decode("utf-8", errors="replace")


def _timestamp(raw: bytes, what: str, errors: list[str]) -> int:
    """Microseconds since the epoch (UTC); 0 with a note when git's value is unusable."""
    try:
        seconds = int(raw)
        if -(2**62) // 1_000_000 < seconds < 2**62 // 1_000_000:
            return seconds * 1_000_000
    except ValueError:
        pass
    errors.append(f"{what} {raw[:40]!r} is not a valid timestamp (stored as 1970-01-01)")
    return 0


def _parse_numstat(data: bytes, pos: int) -> tuple[list[tuple[int | None, int | None]], int]:
    """``--numstat -z`` entries, if git printed any (FULL_OPTIONS does not ask for them)."""
    numstat: list[tuple[int | None, int | None]] = []
    end = len(data)
    while pos < end and data[pos] != 0:
        tab1 = data.index(b"\t", pos)
        tab2 = data.index(b"\t", tab1 + 1)
        ins, dels = data[pos:tab1], data[tab1 + 1 : tab2]
        numstat.append((None, None) if ins == b"-" else (int(ins), int(dels)))
        if data[tab2 + 1] == 0:  # rename/copy: "\0old\0new\0"
            pos = data.index(b"\x00", data.index(b"\x00", tab2 + 2) + 1) + 1
        else:
            pos = data.index(b"\x00", tab2 + 1) + 1
    return numstat, pos


def count_lines(patch: bytes, letters: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """(insertions, deletions) per file, as numstat gives them (None, None for binary files),
    counted off the patch; [] if its sections do not match ``letters`` (the raw entries).

    Sections start with "diff --git", which cannot start a hunk line (those start with " ",
    "+", "-" or "\\"). A type change (file <-> symlink/submodule) is printed as a deletion and a
    creation: two sections for one raw entry.
    """
    if not patch.startswith(b"diff --git "):
        return []
    sections = patch.split(b"\ndiff --git ")
    if len(sections) != len(letters) + letters.count("T"):
        return []
    counts: list[tuple[int | None, int | None]] = []
    index = 0
    for letter in letters:
        ins, dels = _section_counts(sections[index])
        index += 1
        if letter == "T":
            more_ins, more_dels = _section_counts(sections[index])
            index += 1
            if ins is None or more_ins is None or dels is None or more_dels is None:
                ins = dels = None
            else:
                ins, dels = ins + more_ins, dels + more_dels
        counts.append((ins, dels))
    return counts


def _section_counts(section: bytes) -> tuple[int | None, int | None]:
    hunks = section.find(b"\n@@ ")
    if hunks < 0:
        binary = b"\nBinary files " in section or b"\nGIT binary patch" in section
        return (None, None) if binary else (0, 0)
    body = section[hunks:]
    return body.count(b"\n+"), body.count(b"\n-")


def utf8_cut(data: bytes, limit: int) -> int:
    """The largest cut point <= limit that does not split a UTF-8 sequence."""
    if len(data) <= limit:
        return len(data)
    cut = limit
    while cut > 0 and limit - cut < 3 and (data[cut] & 0xC0) == 0x80:
        cut -= 1
    return cut if (data[cut] & 0xC0) != 0x80 else limit


def split_message(message: str) -> tuple[str, str]:
    """Git's subject (first paragraph, lines joined by spaces) and body (the rest)."""
    text = message.lstrip("\r\n")
    head, _, rest = text.partition("\n\n")
    subject = " ".join(line.strip() for line in head.splitlines() if line.strip())
    return subject, rest.strip()


def _contents(
    blobs: dict, object_id: str | None, limit: int, what: str, errors: list[str]
) -> tuple[str | None, bool]:
    """Decoded, capped contents of one side; "" for the absent side of an addition/deletion."""
    if object_id is None:
        return "", False
    blob = blobs.get(object_id)
    if blob is None or blob.data is None:
        errors.append(f"{what}: blob {object_id} is missing from the object store")
        return None, False
    data = blob.data
    if b"\x00" in data:
        errors.append(f"{what} are binary (not stored)")
        return None, False
    truncated = blob.size > limit
    if truncated:
        data = data[: utf8_cut(data, limit)]
    return _text(data, what, errors), truncated
