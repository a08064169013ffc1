"""How busy the CPU is with other processes' work, to pick torch's thread count.

Token-by-token decoding and small-batch training run many tiny kernels; when other processes
keep the cores busy, torch's intra-op threads spin waiting for each other at every kernel (on a
2-core machine with a load of 4, sampling ran about 8x slower on two threads than on one).

The load average cannot tell that work apart from this process's own: right after this process
trained on both cores, the 1-minute load is ~2 although nothing else runs. So the CPU time of
the whole machine and of this process are sampled over a short interval, and only the rest
counts as busy.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator

SAMPLE_S = 0.3


def _machine_busy_and_total() -> tuple[int, int]:
    """Busy and total jiffies over all CPUs since boot (``/proc/stat``)."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = [int(x) for x in stat.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    total = sum(fields[:8])  # user..steal; guest time is already in user
    return total - idle, total


def _own_jiffies() -> int:
    """This process's user + system jiffies, all its threads (``/proc/self/stat``)."""
    with open("/proc/self/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def others_busy_cores(interval_s: float = SAMPLE_S) -> float:
    """How many cores other processes kept busy over the next ``interval_s`` seconds; 0.0
    where ``/proc`` cannot be read (not Linux)."""
    try:
        busy0, total0 = _machine_busy_and_total()
        own0 = _own_jiffies()
        time.sleep(interval_s)
        busy1, total1 = _machine_busy_and_total()
        own1 = _own_jiffies()
    except (OSError, ValueError, IndexError):
        return 0.0
    if total1 <= total0:
        return 0.0
    cores = os.cpu_count() or 1
    return max(0.0, (busy1 - busy0) - (own1 - own0)) / (total1 - total0) * cores


def free_threads(default: int) -> int:
    """Threads worth using: ``default``, or one when other work already fills at least a
    quarter of the cores (so that two threads would wait on each other)."""
    cores = os.cpu_count() or 1
    return 1 if others_busy_cores() >= 0.25 * cores else default


@contextlib.contextmanager
def torch_threads(count: int = 0) -> Iterator[int]:
    """Run the block on ``count`` torch intra-op threads, or on :func:`free_threads` of torch's
    default when ``count`` is 0; torch's setting is restored afterwards. Yields the count."""
    import torch  # here, so that importing this module stays light

    before = torch.get_num_threads()
    wanted = count or free_threads(before)
    torch.set_num_threads(wanted)
    try:
        yield wanted
    finally:
        torch.set_num_threads(before)
