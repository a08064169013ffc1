"""Score one model version on CryptoEval: sample, run in the sandbox, and tabulate.

The two frames this returns are what the warehouse keeps per model version:
``cryptoeval_results`` (one row per sample: status, duration, tokens) and ``cryptoeval_scores``
(long format: one row per scope, group and metric, e.g. ``category / amm_dex / pass@1``).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl

from cs_pipelines.cryptoeval.harness import (
    DEFAULT_KS,
    ScoreReport,
    Vote,
    maj_at_k_table,
    pass_at_k_table,
    score_samples,
)
from cs_pipelines.cryptoeval.sampling import SAMPLING_VERSION, SamplingConfig, generate_samples
from cs_pipelines.cryptoeval.task import Task
from cs_pipelines.models.device import resolve_dtype
from cs_pipelines.models.sampling import EngineSettings

HEADLINE_METRIC = "pass@1"


@dataclass(frozen=True)
class ScoringConfig(SamplingConfig, EngineSettings):
    """Sampling plus how the samples are generated and executed (the stage's one config)."""

    timeout_s: float = 10.0  # per sample, in the sandbox
    workers: int = 0  # sandbox processes; 0 = one per core
    # Score again even when the model, the tasks and these settings are unchanged.
    force: bool = False


def scoring_fingerprint(model_dir: Path, tasks_file: Path, config: ScoringConfig) -> str:
    """What a score depends on: every file of the model folder, the task file, the settings
    that change samples (not ``force``, ``workers`` or ``batch_size``), the sampling version, and
    the GPU question the ``auto`` preset asks, and the dtype that ``auto`` resolves to. Equal
    fingerprints mean the stored scores still hold."""
    digest = hashlib.sha256()
    settings = {k: v for k, v in asdict(config).items() if k not in _NOT_FINGERPRINTED}
    settings["per_variant_limit"] = config.per_variant_limit()
    settings["dtype"] = resolve_dtype(config.dtype)
    settings["sampling_version"] = SAMPLING_VERSION
    digest.update(json.dumps(settings, sort_keys=True).encode())
    files = [(tasks_file.name, tasks_file)] + [
        (str(p.relative_to(model_dir)), p) for p in sorted(model_dir.rglob("*")) if p.is_file()
    ]
    for name, path in files:
        digest.update(name.encode())
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()[:16]


_NOT_FINGERPRINTED = {"force", "workers", "batch_size"}


@dataclass
class Evaluation:
    """Everything one scoring run of a model version produced."""

    model_version: str
    tasks: list[Task]
    samples: list[dict[str, Any]]
    report: ScoreReport
    generation_s: float
    scoring_s: float

    @property
    def generated_tokens(self) -> int:
        return sum(int(s.get("n_tokens", 0)) for s in self.samples)

    @property
    def headline(self) -> float:
        """pass@1 over every scored task (all variants): the number promotion compares."""
        return self.report.pass_at_k.get(HEADLINE_METRIC, float("nan"))


def evaluate_model(
    model_version: str,
    tasks: Sequence[Task],
    generator: Any,
    pool: Any,
    config: SamplingConfig,
    timeout_s: float = 10.0,
) -> Evaluation:
    """Sample ``config.n_samples`` completions per task from ``generator`` and score them."""
    if not tasks:
        raise ValueError("no CryptoEval tasks to score: check the variants and task filters")
    started = time.perf_counter()
    samples = generate_samples(tasks, generator, config)
    generated = time.perf_counter()
    report = score_samples(tasks, samples, pool, timeout_s=timeout_s, ks=DEFAULT_KS)
    return Evaluation(
        model_version=model_version,
        tasks=list(tasks),
        samples=samples,
        report=report,
        generation_s=generated - started,
        scoring_s=time.perf_counter() - generated,
    )


def results_frame(evaluation: Evaluation) -> pl.DataFrame:
    """One row per sample, for the ``cryptoeval_results`` table."""
    by_id = {t.task_id: t for t in evaluation.tasks}
    scored_at = datetime.now(UTC)
    rows = []
    for sample, outcome in zip(evaluation.samples, evaluation.report.samples, strict=True):
        task = by_id[outcome["task_id"]]
        rows.append(
            {
                "model_version": evaluation.model_version,
                "task_id": task.task_id,
                "variant": task.variant,
                "category": task.category,
                "difficulty": task.difficulty,
                "sample": int(outcome["sample"]),
                "status": str(outcome["status"]),
                "passed": bool(outcome["passed"]),
                "exc_type": outcome.get("exc_type") or "",
                "duration_s": float(outcome["duration_s"] or 0.0),
                "signature": outcome.get("signature") or "",
                "n_tokens": int(sample.get("n_tokens", 0)),
                "finish_reason": str(sample.get("finish_reason", "")),
                "completion": sample["completion"],
                "scored_at": scored_at,
            }
        )
    return pl.DataFrame(rows)


def scores_frame(evaluation: Evaluation, fingerprint: str = "") -> pl.DataFrame:
    """Long-format metrics: scope (all, variant, category, difficulty), group, metric, value,
    and the fingerprint of what was scored."""
    report = evaluation.report
    by_id = {t.task_id: t for t in evaluation.tasks}
    groups: list[tuple[str, str, dict[str, float], int]] = [
        ("all", "all", {**report.pass_at_k, **report.maj_at_k}, len(report.per_task))
    ]
    for scope, table in (("category", report.by_category), ("difficulty", report.by_difficulty)):
        sizes = _group_sizes(report, by_id, scope)
        groups.extend((scope, name, metrics, sizes[name]) for name, metrics in table.items())
    per_variant: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    for task_id, counts in report.per_task.items():
        per_variant[by_id[task_id].variant][task_id] = counts
    votes = _votes_by_variant(report, by_id)
    for variant, per_task in sorted(per_variant.items()):
        metrics = {
            **pass_at_k_table(per_task, DEFAULT_KS),
            **maj_at_k_table(votes.get(variant, {}), DEFAULT_KS),
        }
        groups.append(("variant", variant, metrics, len(per_task)))
    return pl.DataFrame(
        [
            {
                "model_version": evaluation.model_version,
                "scope": scope,
                "group": name,
                "metric": metric,
                "value": float(value),
                "n_tasks": n_tasks,
                "fingerprint": fingerprint,
            }
            for scope, name, metrics, n_tasks in groups
            for metric, value in metrics.items()
        ],
        schema={
            "model_version": pl.String,
            "scope": pl.String,
            "group": pl.String,
            "metric": pl.String,
            "value": pl.Float64,
            "n_tasks": pl.Int64,
            "fingerprint": pl.String,
        },
    )


def _votes_by_variant(
    report: ScoreReport, by_id: dict[str, Task]
) -> dict[str, dict[str, list[Vote]]]:
    """Each probed task's (signature, passed) votes, grouped by variant, for maj@k."""
    votes: dict[str, dict[str, list[Vote]]] = defaultdict(lambda: defaultdict(list))
    for row in report.samples:
        task = by_id[row["task_id"]]
        if task.probe:
            votes[task.variant][task.task_id].append((row.get("signature"), bool(row["passed"])))
    return votes


def _group_sizes(report: ScoreReport, by_id: dict[str, Task], attr: str) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for task_id in report.per_task:
        sizes[getattr(by_id[task_id], attr)] += 1
    return sizes
