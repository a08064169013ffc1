"""The forked child: lock itself down, run the untrusted code, report on fd 3, ``_exit``.

Order matters: descriptors and the session first (so nothing of the server leaks in), limits
next, privileges last (after dropping them the child could not raise its own limits back).

Everything that is the same for every child (no_new_privs, the scrubbed environment, ``argv``,
the signal dispositions but SIGINT's) is set once in the server, before any fork, and inherited:
a forked child pays a page copy for every page it writes, so it does only what must differ.
"""

from __future__ import annotations

import builtins
import contextlib
import json
import os
import resource
import signal
import sys
import traceback
from typing import Any, NoReturn

from cs_pipelines.sandbox._osutil import PR_SET_NO_NEW_PRIVS, prctl
from cs_pipelines.sandbox._protocol import HEADER, frame, write_all

RESULT_FD = 3
STREAM_IN_FD, STREAM_OUT_FD = 4, 5  # a streaming run's items in, its messages out
MAX_MESSAGE = 4000
_NOTHING = object()
_PASSED_NO_RESULT = b'{"status": "passed", "result": null}'  # most runs: skip json.dumps

# A minimal environment: nothing of the host's (tokens, keys, proxies) is inherited.
CLEAN_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    "PYTHONHASHSEED": "0",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


def prepare_server(scratch: str) -> int:
    """Set, in the server, what every child inherits unchanged (see the module docstring).

    Returns a descriptor of /dev/null for the children's stdin."""
    prctl(PR_SET_NO_NEW_PRIVS, 1)  # setuid binaries (su, sudo) cannot raise privileges back
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # oversize writes raise OSError instead
    os.environ.clear()  # the pool already scrubbed it; this also drops its PYTHONPATH
    set_scratch(scratch)
    sys.argv = ["<sandbox>"]
    return os.open(os.devnull, os.O_RDONLY)


def set_scratch(scratch: str) -> None:
    """Point the inherited environment at the next child's scratch directory."""
    if os.environ.get("HOME") != scratch:
        os.environ.update(CLEAN_ENV, HOME=scratch, TMPDIR=scratch, PWD=scratch)


def rlimits(request: dict[str, Any], as_bytes: int) -> list[tuple[int, tuple[int, int]]]:
    """The child's resource limits, worked out in the server (the child only applies them)."""
    cpu = max(1, int(request["cpu_s"] + 0.999))
    fsize, nproc = request["fsize_mb"] << 20, request["nproc"]
    return [
        (resource.RLIMIT_CPU, (cpu, cpu + 1)),  # SIGXCPU at the soft limit, SIGKILL 1 s later
        (resource.RLIMIT_AS, (as_bytes, as_bytes)),
        (resource.RLIMIT_FSIZE, (fsize, fsize)),
        (resource.RLIMIT_NPROC, (nproc, nproc)),
        (resource.RLIMIT_CORE, (0, 0)),
    ]


def run_child(
    request: dict[str, Any],
    scratch: str,
    fds: tuple[int, ...],
    uid: int | None,
    limits: list[tuple[int, tuple[int, int]]],
) -> NoReturn:
    """Never returns: any path out of here is ``os._exit`` so the server's state never runs on.

    ``fds``: what becomes the child's stdin, stdout, stderr and result descriptor, then for a
    streaming run its item and message descriptors; all above the highest of those numbers."""
    try:
        _lock_down(scratch, fds, uid, limits)
    except BaseException as exc:  # a sandbox failure, not the code's: say so and stop
        os.write(2, f"sandbox setup failed: {exc!r}\n".encode())
        os._exit(71)
    payload = _execute(request)
    with contextlib.suppress(BaseException):
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
    try:
        if payload["status"] == "passed" and payload["result"] is None:
            data = _PASSED_NO_RESULT
        else:
            data = json.dumps(payload).encode()
    except BaseException as exc:
        data = json.dumps(_exception_payload("error", exc, "result is not JSON-serialisable: "))
        data = data.encode()
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(RESULT_FD, view) :]
    except BaseException:
        os._exit(72)
    os._exit(0)


def _lock_down(
    scratch: str,
    fds: tuple[int, ...],
    uid: int | None,
    limits: list[tuple[int, tuple[int, int]]],
) -> None:
    os.setsid()  # own session and process group: the server kills the whole group at the end
    if min(fds) < len(fds):
        raise ValueError(f"descriptors {fds} would overwrite each other")
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
    os.closerange(len(fds), 1 << 16)
    os.chdir(scratch)
    for which, limit in limits:
        resource.setrlimit(which, limit)
    if uid is not None:  # root: RLIMIT_NPROC is not enforced for root, so become someone else
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)


def _execute(request: dict[str, Any]) -> dict[str, Any]:
    emitted: Any = _NOTHING

    def emit(obj: Any) -> None:
        """Hand a JSON-serialisable value back to the caller (the last call wins)."""
        nonlocal emitted
        emitted = obj

    namespace: dict[str, Any] = {"__name__": "__main__", "__builtins__": builtins, "emit": emit}
    if request.get("stream"):
        namespace["exchange"] = exchange
    try:
        # dont_inherit: not this module's ``from __future__ import annotations`` (a fresh
        # interpreter evaluates annotations; inherited, they would all be strings).
        if request.get("setup_code"):
            exec(compile(request["setup_code"], "<setup>", "exec", dont_inherit=True), namespace)
        exec(compile(request["code"], "<sandbox>", "exec", dont_inherit=True), namespace)
        if request.get("entry"):
            value = namespace[request["entry"]](*request.get("args", ()))
            if value is not None:
                emitted = value
    except SystemExit as exc:
        if exc.code not in (None, 0) or not request.get("exit_ok", True):
            return _exception_payload("error", exc, "exited before the end: ")
    except AssertionError as exc:
        return _exception_payload("failed", exc)
    except MemoryError as exc:
        return _exception_payload("memory", exc)
    except BaseException as exc:
        return _exception_payload("error", exc)
    return {"status": "passed", "result": None if emitted is _NOTHING else emitted}


def exchange(message: Any) -> str | None:
    """A streaming run's one step: send ``message`` (JSON-serialisable) to the server, then
    wait for the next item (its text), or None once the items are used up.

    The server sends item k only after it has received message k, so whatever message k says
    was decided without items k and later (see ``Sandbox.run``'s ``stream``)."""
    if type(message) is list and not message:  # most steps decide nothing
        data = _EMPTY_LIST
    else:
        data = frame(json.dumps(message, separators=(",", ":")).encode())
    write_all(STREAM_OUT_FD, data)
    return _items.next()


class _Items:
    """The items as they arrive, read in as few system calls as the pipe allows."""

    def __init__(self) -> None:
        self.buffer = b""

    def next(self) -> str | None:
        while True:
            if len(self.buffer) >= HEADER.size:
                end = HEADER.size + HEADER.unpack_from(self.buffer)[0]
                if len(self.buffer) >= end:
                    item, self.buffer = self.buffer[HEADER.size : end], self.buffer[end:]
                    return item.decode()
            chunk = os.read(STREAM_IN_FD, 1 << 16)
            if not chunk:
                return None
            self.buffer += chunk


_items = _Items()
_EMPTY_LIST = frame(b"[]")


def _exception_payload(status: str, exc: BaseException, prefix: str = "") -> dict[str, Any]:
    with contextlib.suppress(BaseException):
        traceback.print_exception(exc)
    try:
        message = prefix + str(exc)
    except BaseException:
        message = prefix + "<unprintable>"
    return {"status": status, "exc_type": type(exc).__name__, "exc_message": message[:MAX_MESSAGE]}
