"""Thin ctypes wrappers for the Linux calls Python 3.11's ``os`` lacks (unshare, mount, prctl).

Each returns whether it worked instead of raising: containment is best-effort per OS, and the
caller records which pieces held (see ``ExecutionResult.network_isolated``/``fs_isolated``).
"""

from __future__ import annotations

import ctypes
import os

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
MS_BIND = 0x1000
MS_REC = 0x4000
MS_PRIVATE = 0x40000
PR_SET_NO_NEW_PRIVS = 38
PR_SET_CHILD_SUBREAPER = 36

_libc = ctypes.CDLL(None, use_errno=True)


def unshare(flags: int) -> bool:
    return _libc.unshare(ctypes.c_int(flags)) == 0


def prctl(option: int, value: int) -> bool:
    return _libc.prctl(option, ctypes.c_ulong(value), 0, 0, 0) == 0


def mount_tmpfs(target: str, size_mb: int) -> bool:
    options = f"mode=1777,size={size_mb}m".encode()
    return _libc.mount(b"tmpfs", target.encode(), b"tmpfs", 0, options) == 0


def make_mounts_private() -> bool:
    """Stop our tmpfs mounts from propagating back into the host's mount namespace."""
    return _libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None) == 0


def isolate_network() -> bool:
    """A new, empty network namespace: only a downed loopback, so every connect() fails.

    Root may create one directly; an unprivileged user needs a user namespace first.
    """
    if unshare(CLONE_NEWNET):
        return True
    return os.getuid() != 0 and unshare(CLONE_NEWUSER | CLONE_NEWNET)


def isolate_tmp(size_mb: int = 256) -> bool:
    """Private, empty /tmp and /dev/shm (so untrusted code cannot drop files in the host's)."""
    if not (unshare(CLONE_NEWNS) and make_mounts_private()):
        return False
    ok = mount_tmpfs("/tmp", size_mb)
    if os.path.isdir("/dev/shm"):
        ok = mount_tmpfs("/dev/shm", size_mb) and ok
    return ok


def expose_to_others(paths: list[str]) -> list[str]:
    """Make ``paths`` traversable for another uid, inside our private mount namespace only.

    The interpreter may live under a private home (pyenv in /root, mode 700): a child that has
    dropped to another uid could not import anything not already loaded. For each closed
    ancestor (say /root) we mount an empty tmpfs over it and bind back only the entries those
    paths need (say /root/.pyenv), which also hides the rest of that home from the child.
    Returns the ancestors so covered.
    """
    needed: dict[str, set[str]] = {}
    for path in paths:
        parts = os.path.realpath(path).split("/")[1:]
        for depth in range(1, len(parts)):
            ancestor = "/" + "/".join(parts[:depth])
            if os.path.isdir(ancestor) and not os.stat(ancestor).st_mode & 0o001:
                needed.setdefault(ancestor, set()).add(parts[depth])
                break
    covered = []
    for ancestor, entries in needed.items():
        keep = {e: os.open(f"{ancestor}/{e}", os.O_PATH) for e in entries}
        try:
            if _libc.mount(b"tmpfs", ancestor.encode(), b"tmpfs", 0, b"mode=0755,size=1m"):
                continue
            for entry, fd in keep.items():
                target = f"{ancestor}/{entry}"
                if os.path.isdir(f"/proc/self/fd/{fd}"):
                    os.mkdir(target)
                else:
                    open(target, "w").close()
                source = f"/proc/self/fd/{fd}".encode()
                _libc.mount(source, target.encode(), None, MS_BIND | MS_REC, None)
            covered.append(ancestor)
        finally:
            for fd in keep.values():
                os.close(fd)
    return covered


def pids_of_uid(uid: int) -> list[int]:
    """Processes whose real uid is ``uid`` (a /proc scan: the slow path, used only on crashes)."""
    pids = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/status") as status:
                for line in status:
                    if line.startswith("Uid:"):
                        if int(line.split()[1]) == uid:
                            pids.append(int(name))
                        break
        except OSError:
            continue
    return pids
