"""Thin ctypes wrappers for the Linux calls Python 3.11's ``os`` lacks (unshare, mount, prctl,
madvise, a fork without CPython's hooks).

Most return whether they worked instead of raising: containment is best-effort per OS, and the
caller records which pieces held (see ``ExecutionResult.network_isolated``/``fs_isolated``).
"""

from __future__ import annotations

import ctypes
import os
import platform
from collections.abc import Sequence

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
MS_BIND = 0x1000
MS_REC = 0x4000
MS_PRIVATE = 0x40000
MADV_HUGEPAGE = 14
MADV_COLLAPSE = 25
HUGE_PAGE = 2 << 20
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
PR_SET_NO_NEW_PRIVS = 38
PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
SIGCHLD = 17
_SYS_CLONE = {"x86_64": 56, "aarch64": 220}.get(platform.machine())

_libc = ctypes.CDLL(None, use_errno=True)
_libc_gil = ctypes.PyDLL(None, use_errno=True)  # calls keep the GIL held throughout
_libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]


def unshare(flags: int) -> bool:
    return _libc.unshare(ctypes.c_int(flags)) == 0


def prctl(option: int, value: int) -> bool:
    return _libc.prctl(option, ctypes.c_ulong(value), 0, 0, 0) == 0


def can_fork_plain() -> bool:
    """Whether :func:`fork_plain` is available and safe here: a known clone(2) number and exactly
    one thread in this process."""
    if _SYS_CLONE is None:
        return False
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("Threads:"):
                return int(line.split()[1]) == 1
    return False


def fork_plain() -> int:
    """fork(2) without the interpreter's fork hooks: the child's pid here, 0 in the child.

    ``os.fork`` runs CPython's after-fork work in the child (new locks, thread states, and the
    ``os.register_at_fork`` callbacks such as threading's), which writes to ~200 pages of the
    inherited heap: ~200 page copies per fork, the largest cost of a trivial execution. That work
    only repairs what other threads held or owned at the fork, so it is moot for a process that
    has one thread (see :func:`can_fork_plain`) and calls this outside any import or lock. The
    one callback with an effect then, ``random``'s reseed, is the caller's to do beforehand.
    """
    pid = _libc_gil.syscall(_SYS_CLONE, SIGCHLD, 0, 0, 0, 0)
    if pid < 0:
        errno = ctypes.get_errno()
        raise OSError(errno, os.strerror(errno))
    return pid


def use_huge_pages() -> int:
    """Back this process's private heap with 2 MiB pages where the kernel can (6.1+); returns
    how many bytes it collapsed.

    fork(2) copies, and exit(2) tears down, one page-table entry per 4 KiB page of private
    memory that has been touched: ~8,500 of them in a server holding numpy. A huge page is one
    entry; a region that the server or a child writes to later is split back to 4 KiB entries,
    which the kernel still copies and frees in batches while they map one large folio. Only
    2 MiB ranges that are at least half in use are collapsed (a reserved, untouched buffer stays
    unbacked). Best effort: nothing changes where THP is off or the call is unknown.
    """
    pages = HUGE_PAGE // PAGE_SIZE
    resident = (ctypes.c_ubyte * pages)()
    collapsed = 0
    with open("/proc/self/maps") as maps:
        regions = [line.split() for line in maps]
    for fields in regions:
        anonymous = len(fields) == 5 or fields[5] == "[heap]"
        if fields[1] != "rw-p" or not anonymous:
            continue
        low, high = (int(bound, 16) for bound in fields[0].split("-"))
        for start in range(-(-low // HUGE_PAGE) * HUGE_PAGE, high - HUGE_PAGE + 1, HUGE_PAGE):
            if _libc.mincore(ctypes.c_void_p(start), HUGE_PAGE, resident) != 0:
                continue
            if sum(byte & 1 for byte in resident) * 2 < pages:
                continue
            _libc.madvise(start, HUGE_PAGE, MADV_HUGEPAGE)
            if _libc.madvise(start, HUGE_PAGE, MADV_COLLAPSE) == 0:
                collapsed += HUGE_PAGE
    return collapsed


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


def isolate_tmp(size_mb: int = 256, keep: Sequence[str] = ()) -> list[str] | None:
    """Private, empty /tmp and /dev/shm (so untrusted code cannot drop files in the host's).

    Paths in ``keep`` that live there (a virtualenv or a checkout under /tmp, as in a CI
    clone) are bound back into the fresh tmpfs, so the interpreter still finds its modules.
    Returns the bound-back host paths (whoever cleans the private /tmp must leave them alone),
    or None if the private mounts could not be made.
    """
    if not (unshare(CLONE_NEWNS) and make_mounts_private()):
        return None
    options = f"mode=1777,size={size_mb}m".encode()
    kept: list[str] = []
    for point in ["/tmp", *(["/dev/shm"] if os.path.isdir("/dev/shm") else [])]:
        entries = _entries_under(point, keep)
        if not _mount_keeping(point, entries, options):
            return None
        kept += [f"{point}/{entry}" for entry in entries]
    return kept


def _entries_under(directory: str, paths: Sequence[str]) -> set[str]:
    """The first path component below ``directory`` of each path inside it."""
    prefix = os.path.realpath(directory).rstrip("/") + "/"
    entries = set()
    for path in paths:
        real = os.path.realpath(path)
        if real.startswith(prefix):
            entries.add(real[len(prefix) :].split("/")[0])
    return entries


def _mount_keeping(mountpoint: str, entries: set[str], options: bytes) -> bool:
    """Mount a tmpfs over ``mountpoint``, then bind its old ``entries`` back in place."""
    keep = {e: os.open(f"{mountpoint}/{e}", os.O_PATH) for e in entries}
    try:
        if _libc.mount(b"tmpfs", mountpoint.encode(), b"tmpfs", 0, options):
            return False
        for entry, fd in keep.items():
            target = f"{mountpoint}/{entry}"
            if os.path.isdir(f"/proc/self/fd/{fd}"):
                os.mkdir(target)
            else:
                open(target, "w").close()
            source = f"/proc/self/fd/{fd}".encode()
            _libc.mount(source, target.encode(), None, MS_BIND | MS_REC, None)
        return True
    finally:
        for fd in keep.values():
            os.close(fd)


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
    return [
        ancestor
        for ancestor, entries in needed.items()
        if _mount_keeping(ancestor, entries, b"mode=0755,size=1m")
    ]


def hide(paths: Sequence[str], keep: Sequence[str] = ()) -> list[str]:
    """Cover each folder of ``paths`` with an empty tmpfs, inside our private mount namespace
    only, binding back the entries of it that paths in ``keep`` need (an import path that
    lives inside). Folders that do not exist here (one under the private /tmp) need nothing.
    Returns the folders so covered.

    Why: the platform's data folder holds the warehouse, whose market bars a strategy must not
    read (the future, for a backtest), and a child running as another uid could still read its
    world-readable files.
    """
    hidden = []
    for path in paths:
        real = os.path.realpath(path)
        entries = _entries_under(real, keep)
        if os.path.isdir(real) and _mount_keeping(real, entries, b"mode=0755,size=1m"):
            hidden.append(real)
    return hidden


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
