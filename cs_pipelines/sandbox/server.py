"""The fork server: a long-lived interpreter that imports the heavy modules once, then forks one
locked-down child per request (``python -m cs_pipelines.sandbox.server CONFIG_JSON``).

Why a fork server: a fresh interpreter costs ~50 ms, ~200 ms if it imports numpy; a fork of
one that already did costs a few ms. Why it survives its children: each child runs in its own
session, under its own uid when the server is root (so it cannot signal the server), and
everything the child leaves behind (its process group, any process of its uid, its scratch
files) is removed before the next request is read.

What a fork costs, and what is done about it (a trivial execution: ~2.5 ms in the light server):
the kernel copies, then on exit tears down, one page-table entry per touched 4 KiB page of the
server (hence huge pages for its heap, ``_osutil.use_huge_pages``, and the light server), and
each page either process writes afterwards is copied once. So the child does as little as it can
(what all children share is set once here, see ``child.py``), and the fork skips CPython's
after-fork hooks (``_osutil.fork_plain``: they alone wrote ~200 pages).
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import importlib
import json
import os
import random
import select
import shutil
import signal
import sys
import tempfile
import time
from typing import Any

from cs_pipelines.sandbox import _osutil, _protocol
from cs_pipelines.sandbox.child import prepare_server, rlimits, run_child, set_scratch

UID_BASE = 1_000_000  # children run as UID_BASE + server pid: unique per live server, unused
EXIT_SETUP_FAILED = 71


class Server:
    def __init__(self, config: dict[str, Any]) -> None:
        _osutil.prctl(_osutil.PR_SET_CHILD_SUBREAPER, 1)  # orphans come to us to be reaped
        # Not dumpable: a child of our own uid (no root here, so no uid of its own) can neither
        # ptrace us nor read /proc/<our pid>/mem, where a streaming run's items are.
        _osutil.prctl(_osutil.PR_SET_DUMPABLE, 0)
        self.network_isolated = bool(config.get("isolate_network")) and _osutil.isolate_network()
        import_paths = [sys.prefix, sys.base_prefix, *sys.path, *config.get("readable_paths", ())]
        kept = _osutil.isolate_tmp(keep=import_paths) if config.get("isolate_tmp") else None
        self.fs_isolated = kept is not None
        # The platform's data (the warehouse's market bars: the future, for a backtest).
        hidden = config.get("hidden_paths", ())
        self.hidden = _osutil.hide(hidden, keep=import_paths) if self.fs_isolated else []
        # Host folders bound back into the private /tmp: the wipe after each run must skip them.
        self.kept_in_tmp = frozenset(kept or ())
        self.preloaded = []
        for name in config.get("preload", ()):
            with contextlib.suppress(Exception):
                importlib.import_module(name)
                self.preloaded.append(name)
        self.uid = UID_BASE + os.getpid() if os.getuid() == 0 else None
        self.exposed = []
        if self.uid is not None and self.fs_isolated:
            self.exposed = _osutil.expose_to_others(import_paths)
        self.scratch_root = "/tmp" if self.fs_isolated else tempfile.gettempdir()
        # With a private /tmp every child gets the same scratch path (the wipe of /tmp after each
        # run removes it); without one, each gets a fresh directory in the host's temp folder.
        self.scratch = f"/tmp/sandbox-{os.getpid()}" if self.fs_isolated else None
        self.devnull = prepare_server(self.scratch or self.scratch_root)
        self.base_vm = _vm_size()
        self.fork_plain = _osutil.can_fork_plain()
        # Everything loaded so far is immortal for the collector: a child's collections then
        # never walk (and copy-on-write) the preloaded modules' pages. Cheaper forks.
        gc.collect()
        gc.freeze()
        self.huge_pages = _osutil.use_huge_pages()

    def hello(self) -> dict[str, Any]:
        keys = ("network_isolated", "fs_isolated", "hidden", "preloaded", "uid", "base_vm")
        keys += ("exposed",)
        keys += ("fork_plain", "huge_pages")
        return {"pid": os.getpid(), **{k: getattr(self, k) for k in keys}}

    def execute(self, request: dict[str, Any], requests_fd: int | None = None) -> dict[str, Any]:
        """Run one request; a streaming one reads its items from ``requests_fd`` after the
        fork, so that the child's copy of this process never held them."""
        scratch = self._make_scratch()
        pipes = [os.pipe() for _ in range(3)]  # stdout, stderr, result
        streaming = bool(request.get("stream"))
        items_pipe, messages_pipe = (os.pipe(), os.pipe()) if streaming else (None, None)
        to_close = {fd for pipe in [*pipes, items_pipe, messages_pipe] if pipe for fd in pipe}
        try:
            limits = rlimits(request, self.base_vm + (request["memory_mb"] << 20))
            set_scratch(scratch)
            sys.stdout.flush()
            sys.stderr.flush()
            start = time.monotonic()
            pid = self._fork()
            if pid == 0:
                fds = (self.devnull, *(w for _, w in pipes))
                if items_pipe and messages_pipe:
                    fds += (items_pipe[0], messages_pipe[1])
                run_child(request, scratch, fds, self.uid, limits)
            child_ends = [w for _, w in pipes]
            if items_pipe and messages_pipe:
                child_ends += [items_pipe[0], messages_pipe[1]]
            for fd in child_ends:  # only the child uses them: its exit must mean end of file
                os.close(fd)
                to_close.discard(fd)
            stream = None
            if items_pipe and messages_pipe and requests_fd is not None:
                stream = Stream(_read_items(requests_fd), items_pipe[1], messages_pipe[0], request)
                to_close.discard(items_pipe[1])  # the stream closes it when the items run out
            reply = self._supervise(pid, request, [r for r, _ in pipes], start, stream)
        finally:
            for fd in to_close:
                os.close(fd)
            self._clean_up(scratch)
        reply.update(network_isolated=self.network_isolated, fs_isolated=self.fs_isolated)
        reply["uid"] = self.uid
        return reply

    def _fork(self) -> int:
        if not self.fork_plain:
            return os.fork()
        random.seed()  # what os.fork's after-fork hook would do in the child, for a fresh stream
        return _osutil.fork_plain()

    def _make_scratch(self) -> str:
        scratch = None
        if self.scratch is not None:  # a private /tmp: always the same path
            with contextlib.suppress(FileExistsError):  # taken: a fresh one instead
                os.mkdir(self.scratch, 0o700)
                scratch = self.scratch
        if scratch is None:
            scratch = tempfile.mkdtemp(prefix="sandbox-", dir=self.scratch_root)
        if self.uid is not None:
            os.chown(scratch, self.uid, self.uid)
        return scratch

    def _supervise(
        self,
        pid: int,
        request: dict[str, Any],
        fds: list[int],
        start: float,
        stream: Stream | None = None,
    ) -> dict[str, Any]:
        limit = request["max_output"]
        buffers = {fd: bytearray() for fd in fds}
        totals = dict.fromkeys(fds, 0)
        pidfd = os.pidfd_open(pid)
        deadline = start + request["timeout_s"]
        timed_out = False
        poller = select.poll()  # registered once: a streaming run polls once per exchange
        for fd in [*fds, pidfd, *([stream.messages_fd] if stream else [])]:
            poller.register(fd, select.POLLIN)
        writing = -1  # the items descriptor while it is registered for writing
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    timed_out = True
                    break
                if stream is not None:
                    writing = _watch_writes(poller, stream, writing)
                exited = False
                for fd, _ in poller.poll(remaining * 1000):
                    if fd == pidfd:
                        exited = True
                    elif stream and fd == writing:
                        stream.write()
                    elif stream and fd == stream.messages_fd:
                        if not stream.read():
                            poller.unregister(fd)
                    elif not _read_into(fd, buffers, totals, limit, fds[2], request["max_result"]):
                        poller.unregister(fd)  # end of file: stop polling it
                if exited or (stream and stream.error):
                    break
        finally:
            os.close(pidfd)
        if timed_out or (stream and stream.error):
            os.killpg(pid, signal.SIGKILL)  # the child cannot have been reaped yet: no race
        _, status, usage = os.wait4(pid, 0)
        duration = time.monotonic() - start
        # As subreaper we inherited every live descendant of the child: none, nothing to kill.
        if _reap_zombies():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)  # anything the child left in its group
            self._kill_uid()
        for fd in fds:  # what is still in the pipes (every writer is dead or cut off now)
            fcntl.fcntl(fd, fcntl.F_SETFL, os.O_NONBLOCK)
            with contextlib.suppress(BlockingIOError):
                while _read_into(fd, buffers, totals, limit, fds[2], request["max_result"]):
                    pass
        reply = _classify(status, usage, timed_out, bytes(buffers[fds[2]]), request)
        if stream is not None:
            stream.finish()
            if stream.error and not timed_out:
                reply = _error("StreamError", stream.error, None)
            reply["messages"] = stream.messages
        out, err = fds[0], fds[1]
        reply.update(
            stdout=buffers[out].decode(errors="replace"),
            stderr=buffers[err].decode(errors="replace"),
            stdout_truncated=totals[out] > limit,
            stderr_truncated=totals[err] > limit,
            duration_s=duration,
        )
        return reply

    def _kill_uid(self) -> None:
        """SIGKILL every process of the child's uid, including any that left its process group.

        A helper forks, becomes that uid and calls ``kill(-1, SIGKILL)``, which reaches exactly
        the processes it may signal: that uid's. The kernel walks the process list under the
        lock fork() needs, so a fork bomb cannot outrun it. We then wait, briefly, until they are
        gone, so that the next child does not find its RLIMIT_NPROC already used up. Root only.
        """
        if self.uid is None:
            return
        helper = os.fork()
        if helper == 0:
            code = 1
            try:
                os.setresgid(self.uid, self.uid, self.uid)
                os.setresuid(self.uid, self.uid, self.uid)
                if os.getuid() == self.uid and os.geteuid() == self.uid:
                    os.kill(-1, signal.SIGKILL)
                    code = 0
            finally:
                os._exit(code)
        os.waitpid(helper, 0)
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline:
            if not _reap_zombies() or not _osutil.pids_of_uid(self.uid):
                break
            time.sleep(0.005)

    def _clean_up(self, scratch: str) -> None:
        try:
            os.rmdir(scratch)  # most children leave it empty
        except OSError:
            shutil.rmtree(scratch, ignore_errors=True)
        if not self.fs_isolated:
            return
        for root in ("/tmp", "/dev/shm"):  # our private ones: wipe whatever the child left
            try:
                names = os.listdir(root)
            except OSError:
                continue
            for name in names:
                path = f"{root}/{name}"
                if path in self.kept_in_tmp or os.path.ismount(path):
                    continue
                if os.path.isdir(path) and not os.path.islink(path):
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    with contextlib.suppress(OSError):
                        os.unlink(path)


class Stream:
    """The server's side of a streaming run: it hands the child item k only once the child has
    sent message k, and keeps every message. A message that is not a frame of JSON, one over the
    size limit, or more messages than items + 1 (the last asks past the end) stop the run."""

    def __init__(
        self, items: list[bytes], items_fd: int, messages_fd: int, request: dict[str, Any]
    ) -> None:
        self.items, self.items_fd, self.messages_fd = items, items_fd, messages_fd
        self.max_total = request["max_result"]
        self.messages: list[Any] = []
        self.error: str | None = None
        self.handed_out = 0
        self.total = 0
        self._inbox = bytearray()
        self._outbox = bytearray()
        self._closing = False
        os.set_blocking(items_fd, False)

    @property
    def wants_write(self) -> bool:
        return self.items_fd >= 0 and bool(self._outbox or self._closing)

    def read(self) -> bool:
        """Take what the child sent; False at end of file."""
        chunk = os.read(self.messages_fd, 1 << 16)
        if not chunk:
            return False
        self._inbox += chunk
        self._take_frames()
        self.write()
        return True

    def _take_frames(self) -> None:
        header = _protocol.HEADER
        while self.error is None and len(self._inbox) >= header.size:
            (size,) = header.unpack_from(self._inbox)
            if self.total + header.size + size > self.max_total:
                self.error = f"stream messages over {self.max_total} bytes in all"
                return
            if len(self._inbox) < header.size + size:
                return
            body = bytes(self._inbox[header.size : header.size + size])
            del self._inbox[: header.size + size]
            self.total += header.size + size
            self._keep(body)

    def _keep(self, body: bytes) -> None:
        number = len(self.messages)
        if number > len(self.items):
            self.error = f"message {number} asks past the end of the {len(self.items)} items"
            return
        try:
            self.messages.append([] if body == b"[]" else json.loads(body))
        except ValueError:
            self.error = f"stream message {number} is not JSON"
            return
        if self.handed_out < len(self.items):
            self._outbox += _protocol.frame(self.items[self.handed_out])
            self.handed_out += 1
        else:
            self._closing = True

    def write(self) -> None:
        """Send what is due without blocking; close the items once the last has gone."""
        if self.items_fd < 0:
            return
        try:
            while self._outbox:
                self._outbox = self._outbox[os.write(self.items_fd, self._outbox) :]
        except BlockingIOError:
            return
        except BrokenPipeError:  # the child closed its end: nothing more to hand out
            self._outbox.clear()
            self._closing = True
        if self._closing:
            os.close(self.items_fd)
            self.items_fd = -1

    def finish(self) -> None:
        """After the child is gone: keep the messages still in the pipe, close our ends."""
        os.set_blocking(self.messages_fd, False)
        with contextlib.suppress(BlockingIOError, OSError):
            while self.error is None and self.read():
                pass
        self._outbox.clear()
        self._closing = True
        self.write()


def _watch_writes(poller: select.poll, stream: Stream, writing: int) -> int:
    """Poll the items descriptor for writing exactly while the stream has something to send
    (a descriptor the stream closed is unregistered before the next poll)."""
    wanted = stream.items_fd if stream.wants_write else -1
    if wanted != writing:
        if writing >= 0:
            poller.unregister(writing)
        if wanted >= 0:
            poller.register(wanted, select.POLLOUT)
    return wanted


def _read_items(requests_fd: int) -> list[bytes]:
    """A streaming run's items: one frame from the client, the items' texts joined by newlines."""
    payload = _protocol.recv_bytes(requests_fd)
    if payload is None:
        raise RuntimeError("the client sent no stream items")
    return payload.split(b"\n") if payload else []


def _read_into(
    fd: int, buffers: dict, totals: dict, limit: int, result_fd: int, max_result: int
) -> int:
    """Read one chunk; output keeps only its last ``limit`` bytes (a bounded tail)."""
    chunk = os.read(fd, 1 << 16)
    totals[fd] += len(chunk)
    buffer = buffers[fd]
    if fd == result_fd:
        if len(buffer) <= max_result:
            buffer += chunk
    else:
        buffer += chunk
        if len(buffer) > limit:
            del buffer[: len(buffer) - limit]
    return len(chunk)


def _classify(
    status: int, usage: Any, timed_out: bool, result: bytes, request: dict[str, Any]
) -> dict[str, Any]:
    """Turn the child's wait status (and its report on fd 3, if any) into a result payload."""
    cpu = usage.ru_utime + usage.ru_stime
    if os.WIFEXITED(status):
        code = os.WEXITSTATUS(status)
        if code == 0 and result:
            if len(result) > request["max_result"]:
                return _error("ResultTooLarge", f"result over {request['max_result']} bytes", code)
            try:
                return {**json.loads(result), "exit_code": 0}
            except ValueError:
                return _error("SandboxError", "unreadable result from the child", code)
        if timed_out:
            return {"status": "timeout", "exc_message": "wall-clock limit", "exit_code": code}
        if code == EXIT_SETUP_FAILED:
            return _error("SandboxError", "sandbox set-up failed in the child", code)
        return _error("SystemExit", f"process exited with code {code} before finishing", code)
    sig = os.WTERMSIG(status)
    base = {"signal": sig, "exc_type": signal.Signals(sig).name}
    if timed_out:
        return {**base, "status": "timeout", "exc_message": "wall-clock limit exceeded"}
    if sig == signal.SIGXCPU or (sig == signal.SIGKILL and cpu >= request["cpu_s"] - 0.05):
        return {**base, "status": "timeout", "exc_message": f"CPU limit exceeded ({cpu:.1f} s)"}
    return {**base, "status": "killed", "exc_message": f"killed by {signal.Signals(sig).name}"}


def _error(exc_type: str, message: str, code: int | None) -> dict[str, Any]:
    return {"status": "error", "exc_type": exc_type, "exc_message": message, "exit_code": code}


def _reap_zombies() -> bool:
    """Reap every exited child; whether any child is still alive."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        return False
    return True


def _vm_size() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) << 10
    return 0


def main() -> None:
    # The protocol gets private descriptors; fd 1 points at stderr so a stray print() from a
    # preloaded library can never corrupt a reply.
    requests, replies = os.dup(0), os.dup(1)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(2, 1)
    server = Server(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {})
    _protocol.send(replies, server.hello())
    while (request := _protocol.recv(requests)) is not None:
        try:
            reply = server.execute(request, requests)
        except Exception as exc:  # a server-side fault is reported, never fatal
            reply = _error("SandboxError", f"fork server: {exc!r}", None)
        _protocol.send(replies, reply)


if __name__ == "__main__":
    main()
