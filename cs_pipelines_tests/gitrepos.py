"""Build real (and deliberately messy) git repositories in temporary directories, for tests.

Git runs with a fixed identity, fixed dates that advance one minute per commit, and no user
or system configuration, so the same steps always produce the same shas.
"""

from __future__ import annotations

import os
import random
import subprocess
from collections.abc import Sequence
from pathlib import Path

EPOCH = 1_700_000_000  # 2023-11-14T22:13:20Z
AUTHOR = ("Ada Lovelace", "ada@example.com")
COMMITTER = ("Charles Babbage", "charles@example.com")

BASE_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_TERMINAL_PROMPT": "0",
    "LC_ALL": "C",
}


def run_git(
    cwd: Path | None, *args: str | bytes, input: bytes | None = None, env: dict | None = None
) -> str:
    """Run git and return its stdout; raise with git's stderr if it fails."""
    full_env = {**os.environ, **BASE_ENV, **(env or {})}
    proc = subprocess.run(
        ["git", *args], cwd=cwd, input=input, env=full_env, capture_output=True, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(f"git {args!r} failed: {proc.stderr.decode(errors='replace')}")
    return proc.stdout.decode(errors="replace")


class GitRepoBuilder:
    """A working repository whose commits are made step by step: write, commit, merge, ...

    Paths may be ``bytes`` (to make non-UTF-8 file names) and messages ``bytes`` (raw,
    non-UTF-8 messages without an encoding header).
    """

    def __init__(self, path: Path, branch: str = "main") -> None:
        self.path = path
        self.clock = EPOCH
        path.mkdir(parents=True, exist_ok=True)
        run_git(path, "init", "-q", "-b", branch)

    @property
    def git_dir(self) -> Path:
        return self.path / ".git"

    def git(self, *args: str | bytes, input: bytes | None = None) -> str:
        return run_git(self.path, *args, input=input, env=self._dates())

    def _dates(self) -> dict[str, str]:
        stamp = f"@{self.clock} +0000"
        return {
            "GIT_AUTHOR_NAME": AUTHOR[0],
            "GIT_AUTHOR_EMAIL": AUTHOR[1],
            "GIT_COMMITTER_NAME": COMMITTER[0],
            "GIT_COMMITTER_EMAIL": COMMITTER[1],
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
        }

    def _abs(self, rel: str | bytes) -> bytes:
        rel_bytes = rel.encode() if isinstance(rel, str) else rel
        return os.fsencode(self.path) + b"/" + rel_bytes

    def write(self, rel: str | bytes, content: str | bytes) -> None:
        target = self._abs(rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(content.encode() if isinstance(content, str) else content)

    def delete(self, rel: str | bytes) -> None:
        os.remove(self._abs(rel))

    def rename(self, old: str, new: str) -> None:
        self.git("mv", old, new)

    def commit(self, message: str | bytes, encoding: str | None = None, stage: bool = True) -> str:
        """Stage everything (unless ``stage`` is False) and commit; ``encoding`` sets
        ``i18n.commitEncoding`` (git then records it and re-encodes the message on output)."""
        self.clock += 60
        raw = message.encode() if isinstance(message, str) else message
        config = ["-c", f"i18n.commitEncoding={encoding}"] if encoding else []
        if stage:
            self.git("add", "-A")
        self.git(*config, "commit", "-q", "--allow-empty", "--cleanup=verbatim", "-F", "-",
                 input=raw)  # fmt: skip
        return self.head()

    def commit_raw(self, message: bytes) -> str:
        """Commit with ``message`` stored byte for byte, without an encoding header.

        ``git commit`` converts a message that is not UTF-8 from Latin-1; writing the object
        with ``hash-object`` keeps the bytes, as old or foreign tools did.
        """
        self.clock += 60
        self.git("add", "-A")
        tree = self.git("write-tree").strip()
        header = f"tree {tree}\nparent {self.head()}\n"
        header += f"author {AUTHOR[0]} <{AUTHOR[1]}> {self.clock} +0000\n"
        header += f"committer {COMMITTER[0]} <{COMMITTER[1]}> {self.clock} +0000\n\n"
        raw = header.encode() + message
        sha = self.git("hash-object", "-t", "commit", "-w", "--stdin", input=raw).strip()
        self.git("update-ref", "HEAD", sha)
        return sha

    def checkout(self, branch: str, create: bool = False) -> None:
        self.git("checkout", "-q", *(["-b"] if create else []), branch)

    def merge(self, branch: str, message: str) -> str:
        self.clock += 60
        self.git("merge", "-q", "--no-ff", "-m", message, branch)
        return self.head()

    def add_gitlink(self, rel: str, sha: str) -> None:
        """Stage a submodule entry (mode 160000) pointing at ``sha``, without a submodule."""
        self.git("update-index", "--add", "--cacheinfo", f"160000,{sha},{rel}")

    def reset_hard(self, rev: str) -> None:
        self.git("reset", "-q", "--hard", rev)

    def rev(self, rev: str) -> str:
        return self.git("rev-parse", rev).strip()

    def head(self) -> str:
        return self.rev("HEAD")

    def blob(self, rev: str, rel: str) -> str:
        return self.rev(f"{rev}:{rel}")


def delete_loose_object(git_dir: Path, object_id: str) -> None:
    """Remove a loose object from the store, as a partial clone or a corrupt mirror would."""
    (git_dir / "objects" / object_id[:2] / object_id[2:]).unlink()


def fast_import(git_dir: Path, stream: bytes) -> None:
    """Create (if needed) a bare repository at ``git_dir`` and feed it a fast-import stream."""
    if not git_dir.exists():
        run_git(None, "init", "-q", "--bare", "-b", "main", str(git_dir))
    run_git(git_dir, "fast-import", "--quiet", "--done", input=stream + b"done\n")


def history_stream(
    n_commits: int, n_files: int = 40, lines_per_file: int = 120, seed: int = 0
) -> bytes:
    """A fast-import stream of a plausible code history: small edits to a few Python files
    per commit, with occasional additions and deletions."""
    rng = random.Random(seed)
    files: dict[str, list[str]] = {}
    out: list[bytes] = []
    for index in range(n_commits):
        changes = _random_changes(rng, files, n_files, lines_per_file, index)
        message = f"Change {index}: tweak {', '.join(sorted(changes))[:60]}\n\nDetails {index}.\n"
        out.append(_commit_command(index, message.encode(), changes, files))
    return b"".join(out)


def _random_changes(
    rng: random.Random, files: dict[str, list[str]], n_files: int, n_lines: int, index: int
) -> dict[str, list[str] | None]:
    changes: dict[str, list[str] | None] = {}
    if index == 0 or len(files) < n_files // 2:
        for number in range(len(files), n_files):
            path = f"pkg/mod_{number}.py"
            files[path] = [f"value_{number}_{i} = {rng.random():.6f}  # line {i}\n"
                           for i in range(n_lines)]  # fmt: skip
            changes[path] = files[path]
        return changes
    for path in rng.sample(sorted(files), k=min(len(files), rng.choice((1, 1, 1, 2, 3)))):
        if rng.random() < 0.02 and len(files) > 2:
            del files[path]
            changes[path] = None
            continue
        lines = files[path]
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(lines))
            lines[at] = f"value_{index}_{at} = {rng.random():.6f}  # edited in {index}\n"
        if rng.random() < 0.3:
            lines.insert(rng.randrange(len(lines)), f"def added_{index}():\n    return {index}\n")
        changes[path] = lines
    return changes


def _commit_command(
    index: int, message: bytes, changes: dict[str, list[str] | None], files: dict
) -> bytes:
    stamp = EPOCH + 60 * index
    parts = [
        b"commit refs/heads/main\n",
        f"mark :{index + 1}\n".encode(),
        f"author {AUTHOR[0]} <{AUTHOR[1]}> {stamp} +0000\n".encode(),
        f"committer {COMMITTER[0]} <{COMMITTER[1]}> {stamp} +0000\n".encode(),
        f"data {len(message)}\n".encode(),
        message,
        b"\n",
    ]
    if index:
        parts.append(f"from :{index}\n".encode())
    for path, lines in sorted(changes.items()):
        if lines is None:
            parts.append(f"D {path}\n".encode())
            continue
        data = "".join(lines).encode()
        parts.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")
    return b"".join(parts)


def make_history_repo(git_dir: Path, n_commits: int, seed: int = 0, **kwargs: int) -> Path:
    """A bare repository with ``n_commits`` linear commits on ``main`` (fast, via fast-import)."""
    fast_import(git_dir, history_stream(n_commits, seed=seed, **kwargs))
    return git_dir


def make_linear_repo(git_dir: Path, n_commits: int) -> Path:
    """A bare repository of ``n_commits`` tiny commits (one counter file): long, yet quick."""
    out = []
    for index in range(n_commits):
        out.append(
            _commit_command(index, f"Tick {index}\n".encode(), {"n.txt": [f"{index}\n"]}, {})
        )
    fast_import(git_dir, b"".join(out))
    return git_dir


def commit_shas(git_dir: Path, revs: Sequence[str] = ("HEAD",)) -> list[str]:
    return run_git(git_dir, "rev-list", *revs).split()
