"""Sandbox benchmark: per-execution overhead of ``cs_pipelines.sandbox`` against a fresh
``python -c`` interpreter per sample (the human-eval way), and the pool's throughput.

Measured, for two programs (a trivial ``x = 1``, and one that imports numpy and sums an array):

* sandbox: wall time of ``Sandbox.run(code)`` (one fork server, preloaded numpy), per call:
  fork, lock-down (rlimits, uid, session), execution, clean-up and the round trip to the server;
* fresh: wall time of ``subprocess.run([python, "-c", code])`` with no containment at all;
* the ratio fresh / sandbox of the medians (target: >= 10x).

Then executions/s of ``SandboxPool(workers=os.cpu_count())`` over ``--batch`` jobs of each
program via ``run_many``. The runs are interleaved sandbox/fresh so load from other processes on
the shared CPU hits both sides alike; the table shows medians and p90.

    .venv/bin/python benchmarks/bench_sandbox.py               # 200 runs each, ~1-2 min
    .venv/bin/python benchmarks/bench_sandbox.py --runs 30     # smoke run
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from cs_pipelines.sandbox import Sandbox, SandboxPool, Status

PROGRAMS = {
    "trivial": "x = 1",
    "numpy": "import numpy as np\nassert np.arange(1000).sum() == 499500",
}


def _timed(call: object) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure_overhead(runs: int) -> list[tuple[str, str, list[float]]]:
    rows = []
    with Sandbox() as sandbox:
        sandbox.wait_ready()
        for name, code in PROGRAMS.items():
            assert sandbox.run(code).status is Status.PASSED
            ours, fresh = [], []
            command = [sys.executable, "-c", code]
            for _ in range(runs):
                ours.append(_timed(lambda code=code: sandbox.run(code)))
                fresh.append(_timed(lambda command=command: subprocess.run(command, check=True)))
            rows += [(name, "sandbox (fork server)", ours), (name, "fresh python -c", fresh)]
    return rows


def measure_pool(batch: int) -> dict[str, float]:
    rates = {}
    with SandboxPool(workers=os.cpu_count()) as pool:
        for name, code in PROGRAMS.items():
            pool.run_many([code] * pool.workers)  # warm up every server
            start = time.perf_counter()
            results = pool.run_many([code] * batch)
            rates[name] = batch / (time.perf_counter() - start)
            assert all(r.status is Status.PASSED for r in results)
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="samples per program and side")
    parser.add_argument("--batch", type=int, default=400, help="jobs per pool batch")
    args = parser.parse_args()

    rows = measure_overhead(args.runs)
    print(f"\nPer-execution wall time, {args.runs} runs each ({os.cpu_count()} cores, shared)")
    print(f"{'program':<9} {'how':<22} {'median ms':>10} {'p90 ms':>8} {'speed-up':>9}")
    medians = {(name, how): statistics.median(times) for name, how, times in rows}
    for name, how, times in rows:
        ratio = medians[(name, "fresh python -c")] / medians[(name, how)]
        print(
            f"{name:<9} {how:<22} {medians[(name, how)] * 1e3:>10.2f}"
            f" {_quantile(times, 0.9) * 1e3:>8.2f} {ratio:>8.1f}x"
        )

    rates = measure_pool(args.batch)
    print(f"\nSandboxPool(workers={os.cpu_count()}), run_many of {args.batch} jobs")
    print(f"{'program':<9} {'executions/s':>13}")
    for name, rate in rates.items():
        print(f"{name:<9} {rate:>13.1f}")


if __name__ == "__main__":
    main()
