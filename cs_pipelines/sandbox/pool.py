"""Client side: ``Sandbox`` (one fork server), ``SandboxPool`` (one per core) and ``run``.

The server is started with a scrubbed environment: a forked child can read its process's
original environment from /proc/self/environ, so secrets must never reach the server at all.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import queue
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from cs_pipelines.sandbox import _osutil, _protocol
from cs_pipelines.sandbox.child import CLEAN_ENV
from cs_pipelines.sandbox.result import ExecutionResult, Status

DEFAULT_PRELOAD = ("json", "math", "re", "collections", "numpy", "pandas", "backtrader")
START_TIMEOUT_S = 120.0
REPLY_GRACE_S = 10.0  # beyond the execution's own timeout before the server counts as hung
# The server's own environment on top of CLEAN_ENV (its children get CLEAN_ENV alone). pyarrow,
# which pandas imports, would start jemalloc's purging thread: a server with one thread only may
# fork without CPython's after-fork hooks (see ``_osutil.fork_plain``), ~200 page copies less.
SERVER_ENV = {"JE_ARROW_MALLOC_CONF": "background_thread:false"}


class Sandbox:
    """One fork server. Not thread-safe by itself: use ``SandboxPool`` (or ``run``) for that."""

    def __init__(
        self,
        *,
        preload: Iterable[str] = DEFAULT_PRELOAD,
        isolate_network: bool = True,
        isolate_tmp: bool = True,
        readable_paths: Iterable[str] = (),
    ) -> None:
        """``readable_paths``: host files or folders the code may read even where they lie
        under the private /tmp (market data, fixtures); the interpreter's own are added."""
        self._config = {
            "preload": list(preload),
            "isolate_network": isolate_network,
            "isolate_tmp": isolate_tmp,
            "readable_paths": [str(Path(path).resolve()) for path in readable_paths],
        }
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
        """Block until the server has preloaded its modules; returns its hello (pid, uid...)."""
        if not self.info:
            hello = self._receive(time.monotonic() + START_TIMEOUT_S)
            if hello is None:
                raise RuntimeError("sandbox fork server failed to start")
            self.info = hello
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
    ) -> ExecutionResult:
        """Run ``code`` (then ``entry(*args)`` if given) in a fresh, locked-down child.

        The JSON result is what ``entry`` returns, else the last value passed to ``emit(obj)``.
        ``memory_mb`` is the address space the code may add on top of the preloaded server.
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
        }
        started = time.monotonic()
        try:
            self.wait_ready()
            _protocol.send(self._proc.stdin.fileno(), request)
            reply = self._receive(started + timeout_s + REPLY_GRACE_S)
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
        return _protocol.recv(fd) if ready else None

    def restart(self) -> None:
        """Kill the server, its children and any process left under its uid; start a new one."""
        self.restarts += 1
        self._terminate()
        self._spawn()

    def _terminate(self) -> None:
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
            for pid in _osutil.pids_of_uid(uid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        self._proc = None

    def close(self) -> None:
        self._terminate()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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
