"""Client side: ``Sandbox`` (a full and a light fork server), ``SandboxPool`` (one per core) and
``run``.

The server is started with a scrubbed environment: a forked child can read its process's
original environment from /proc/self/environ, so secrets must never reach the server at all.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import queue
import re
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from cs_pipelines import paths
from cs_pipelines.sandbox._osutil import pids_of_uid
from cs_pipelines.sandbox._protocol import frame, recv, send, write_all
from cs_pipelines.sandbox.child import CLEAN_ENV
from cs_pipelines.sandbox.result import ExecutionResult, Status

# hashlib and numbers: every CryptoEval scoring program's probe imports them, ~10 and ~3 ms a run.
DEFAULT_PRELOAD = (
    *("json", "math", "re", "collections", "hashlib", "numbers"),
    *("numpy", "pandas", "backtrader"),
)
START_TIMEOUT_S = 120.0
REPLY_GRACE_S = 10.0  # beyond the execution's own timeout before the server counts as hung
# The server's own environment on top of CLEAN_ENV (its children get CLEAN_ENV alone). pyarrow,
# which pandas imports, would start jemalloc's purging thread: a server with one thread only may
# fork without CPython's after-fork hooks (see ``_osutil.fork_plain``), ~200 page copies less.
SERVER_ENV = {"JE_ARROW_MALLOC_CONF": "background_thread:false"}


class _Server:
    """One fork-server process: spawn, request/reply, restart."""

    def __init__(self, config: dict[str, Any]) -> None:
        self._config = config
        self.info: dict[str, Any] = {}
        self.restarts = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._spawn()

    def _spawn(self) -> None:
        env = {**CLEAN_ENV, **SERVER_ENV, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "cs_pipelines.sandbox.server", json.dumps(self._config)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            cwd="/",
            start_new_session=True,  # Ctrl-C or a killpg aimed at the caller's group misses it
        )
        self.info = {}

    def wait_ready(self) -> dict[str, Any]:
        if not self.info:
            hello = self._receive(time.monotonic() + START_TIMEOUT_S)
            if hello is None:
                raise RuntimeError("sandbox fork server failed to start")
            self.info = hello
        return self.info

    def execute(
        self, request: dict[str, Any], started: float, items: bytes | None = None
    ) -> ExecutionResult:
        try:
            self.wait_ready()
            send(self._proc.stdin.fileno(), request)
            if items is not None:  # read by the server after its fork (see Sandbox.run)
                write_all(self._proc.stdin.fileno(), frame(items))
            reply = self._receive(started + request["timeout_s"] + REPLY_GRACE_S)
        except (OSError, RuntimeError, ValueError) as exc:
            reply, why = None, repr(exc)
        else:
            why = "no reply (the fork server died or hung)"
        if reply is None:
            self.restart()
            return ExecutionResult(
                Status.ERROR,
                exc_type="SandboxError",
                exc_message=f"{why}; the server was restarted",
                duration_s=time.monotonic() - started,
            )
        return ExecutionResult.from_json(reply)

    def _receive(self, deadline: float) -> dict[str, Any] | None:
        fd = self._proc.stdout.fileno()
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        return recv(fd) if ready else None

    def restart(self) -> None:
        """Kill the server, its children and any process left under its uid; start a new one."""
        self.restarts += 1
        self.close()
        self._spawn()

    def close(self) -> None:
        proc, uid = self._proc, self.info.get("uid")
        if proc is None:
            return
        with contextlib.suppress(OSError):
            proc.stdin.close()  # EOF: a healthy server exits by itself
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        proc.stdout.close()
        if uid is not None and os.getuid() == 0:
            for pid in pids_of_uid(uid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        self._proc = None


class Sandbox:
    """A fork server, or two: not thread-safe by itself, use ``SandboxPool`` (or ``run``).

    A fork costs in proportion to the memory of the server forked (its page tables are copied,
    then torn down), and numpy, pandas and backtrader take a server from ~9 to ~70 MiB of private
    memory. So when ``preload`` lists both standard-library and third-party modules, a second,
    light server preloads only the former, and runs every program that names no third-party
    preload and imports nothing outside the standard library (a conservative look at the
    source: any mention of ``pandas`` outside a comment, even in a string, sends it to the full
    server). Both are locked down alike; a program that reaches a third-party module in a way
    the look misses (``__import__`` of a computed name) still runs correctly in the light
    server, only paying the import in its own time and memory. ``tiered=False`` keeps one
    server.
    """

    def __init__(
        self,
        *,
        preload: Iterable[str] = DEFAULT_PRELOAD,
        isolate_network: bool = True,
        isolate_tmp: bool = True,
        readable_paths: Iterable[str] = (),
        hidden_paths: Iterable[str] | None = None,
        tiered: bool = True,
    ) -> None:
        """``readable_paths``: host files or folders the code may read even where they lie
        under the private /tmp (market data, fixtures); the interpreter's own are added.
        ``hidden_paths``: folders the code must not see, even where their files are
        world-readable (default: the platform's data folder, ``paths.data_dir()``, with the
        warehouse); readable paths inside stay visible. Both need the private mounts that
        ``isolate_tmp`` makes."""
        preload = list(preload)
        hidden = [paths.data_dir()] if hidden_paths is None else hidden_paths
        config = {
            "isolate_network": isolate_network,
            "isolate_tmp": isolate_tmp,
            "readable_paths": [str(Path(path).resolve()) for path in readable_paths],
            "hidden_paths": [str(Path(path).resolve()) for path in hidden],
        }
        light, third_party = _split_preload(preload)
        self._full = _Server({**config, "preload": preload})
        self._light = _Server({**config, "preload": light}) if tiered and third_party else None
        self._mentions = _mentions(third_party)

    @property
    def info(self) -> dict[str, Any]:
        """The (full) server's hello: pid, uid, preloaded modules, which isolation held."""
        return self._full.info

    @property
    def servers(self) -> list[dict[str, Any]]:
        """Every server's hello, the full one first."""
        return [server.info for server in self._servers()]

    @property
    def restarts(self) -> int:
        return sum(server.restarts for server in self._servers())

    def _servers(self) -> list[_Server]:
        return [self._full, *([self._light] if self._light else [])]

    def wait_ready(self) -> dict[str, Any]:
        """Block until the servers have preloaded their modules; returns the full one's hello."""
        for server in self._servers():
            server.wait_ready()
        return self.info

    def run(
        self,
        code: str,
        *,
        entry: str | None = None,
        args: Iterable[Any] = (),
        timeout_s: float = 10.0,
        cpu_s: float | None = None,
        memory_mb: int = 512,
        fsize_mb: int = 16,
        nproc: int = 32,
        setup_code: str | None = None,
        max_output: int = 64 * 1024,
        max_result: int = 16 << 20,
        exit_ok: bool = True,
        stream: Sequence[str] | None = None,
    ) -> ExecutionResult:
        """Run ``code`` (then ``entry(*args)`` if given) in a fresh, locked-down child.

        The JSON result is what ``entry`` returns, else the last value passed to ``emit(obj)``.
        ``memory_mb`` is the address space the code may add on top of the preloaded server.
        ``exit_ok``: whether a clean exit before the code's end (``exit()``, ``sys.exit(0)``,
        ``raise SystemExit``) counts as passed. A test program says False: exiting early would
        skip its checks, and the code under test could pass by stopping.

        ``stream``: texts (no newlines) the code receives one at a time, in lock-step, through
        ``exchange(message)``: it sends a JSON-serialisable message and gets the next item, or
        None after the last. The server hands out item k only after message k has arrived, and
        the items reach the server after it forked the child, so the code can know nothing of
        item k when it sends message k: not from its own memory, nor by any other path. The
        messages come back in ``ExecutionResult.messages`` (at most ``max_result`` bytes, one
        more than the items at most; anything else stops the run with a ``StreamError``).
        """
        request = {
            "code": code,
            "entry": entry,
            "args": list(args),
            "timeout_s": float(timeout_s),
            "cpu_s": float(cpu_s if cpu_s is not None else timeout_s),
            "memory_mb": int(memory_mb),
            "fsize_mb": int(fsize_mb),
            "nproc": int(nproc),
            "setup_code": setup_code,
            "max_output": int(max_output),
            "max_result": int(max_result),
            "exit_ok": bool(exit_ok),
            "stream": stream is not None,
        }
        items = None if stream is None else _join_items(stream)
        started = time.monotonic()
        return self._server_for(code, setup_code).execute(request, started, items)

    def _server_for(self, code: str, setup_code: str | None) -> _Server:
        if self._light is None:
            return self._full
        for source in (code, setup_code or ""):
            if _needs_full(source, self._mentions):
                return self._full
        return self._light

    def restart(self) -> None:
        """Restart every server (see ``_Server.restart``)."""
        for server in self._servers():
            server.restart()

    def close(self) -> None:
        for server in self._servers():
            server.close()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _join_items(stream: Sequence[str]) -> bytes:
    for number, item in enumerate(stream):
        if "\n" in item:
            raise ValueError(f"stream item {number} contains a newline")
    return "\n".join(stream).encode()


_COMMENT = re.compile(r"#[^\n]*")
_IMPORTS = re.compile(
    r"(?:^|;)[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import\b|import[ \t]+([^#;\n]+))", re.M
)


def _top_level(module: str) -> str:
    return module.partition(".")[0]


def _split_preload(preload: Iterable[str]) -> tuple[list[str], list[str]]:
    """The standard-library modules of ``preload`` and the third-party top-level names."""
    preload = list(preload)
    light = [name for name in preload if _top_level(name) in sys.stdlib_module_names]
    third_party = sorted({_top_level(name) for name in preload} - set(map(_top_level, light)))
    return light, third_party


def _mentions(third_party: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, third_party)) + r")\b")


def _needs_full(source: str, mentions: re.Pattern[str]) -> bool:
    """Whether the light server must not run ``source`` (see ``Sandbox``)."""
    source = _COMMENT.sub("", source)  # naive (a "#" in a string cuts too): only speed
    return bool(mentions.search(source)) or not _imports_only_stdlib(source)


def light_preload(codes: Iterable[str], preload: Iterable[str] = DEFAULT_PRELOAD) -> list[str]:
    """``preload`` without its third-party modules when none of ``codes`` needs them.

    A batch known in advance whose every program the light server would run (by the look
    ``Sandbox`` routes with) needs no full servers: a pool given this preload starts only light
    ones, each a fraction of a full one's start-up time and memory. Otherwise ``preload``.
    """
    preload = list(preload)
    light, third_party = _split_preload(preload)
    if not third_party:
        return light
    mentions = _mentions(third_party)
    return preload if any(_needs_full(code, mentions) for code in codes) else light


def _imports_only_stdlib(source: str) -> bool:
    """Whether every import statement the source plainly spells names a standard module."""
    for from_name, names in _IMPORTS.findall(source):
        for name in [from_name] if from_name else names.split(","):
            module = _top_level(name.split()[0]) if name.split() else ""
            if module and module not in sys.stdlib_module_names:
                return False
    return True


class SandboxPool:
    """``workers`` fork servers (default: one per core); ``run`` is thread-safe."""

    def __init__(self, workers: int | None = None, **sandbox_options: Any) -> None:
        self.workers = workers or os.cpu_count() or 1
        self._sandboxes = [Sandbox(**sandbox_options) for _ in range(self.workers)]
        self._idle: queue.Queue[Sandbox] = queue.Queue()
        for sandbox in self._sandboxes:
            sandbox.wait_ready()  # all servers import in parallel; wait for each
            self._idle.put(sandbox)

    def run(self, code: str, **options: Any) -> ExecutionResult:
        sandbox = self._idle.get()
        try:
            return sandbox.run(code, **options)
        finally:
            self._idle.put(sandbox)

    def run_many(
        self, jobs: Iterable[str | Mapping[str, Any]], **defaults: Any
    ) -> list[ExecutionResult]:
        """Run a batch on every worker; a job is code, or a mapping of ``run`` keyword arguments
        (with ``code``) over ``defaults``. Results come back in the jobs' order."""
        calls = [{**defaults, **({"code": j} if isinstance(j, str) else j)} for j in jobs]
        with ThreadPoolExecutor(self.workers) as executor:
            return list(executor.map(lambda kwargs: self.run(**kwargs), calls))

    def map(self, codes: Iterable[str], **options: Any) -> list[ExecutionResult]:
        return self.run_many(codes, **options)

    @property
    def info(self) -> list[dict[str, Any]]:
        return [sandbox.info for sandbox in self._sandboxes]

    @property
    def servers(self) -> list[dict[str, Any]]:
        """The hello of every server of every worker."""
        return [info for sandbox in self._sandboxes for info in sandbox.servers]

    def close(self) -> None:
        for sandbox in self._sandboxes:
            sandbox.close()

    def __enter__(self) -> SandboxPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_default: Sandbox | None = None
_default_lock = threading.Lock()


def run(code: str, **options: Any) -> ExecutionResult:
    """One-off execution in a shared, lazily started single-worker sandbox (thread-safe)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Sandbox()
            atexit.register(_default.close)
        return _default.run(code, **options)
