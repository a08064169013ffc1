"""Score one model version on CryptoEval: sample, run in the sandbox, and tabulate.

The two frames this returns are what the warehouse keeps per model version:
``cryptoeval_results`` (one row per sample: status, duration, tokens) and ``cryptoeval_scores``
(long format: one row per scope, group and metric, e.g. ``category / amm_dex / pass@1``, with
its 95% interval from a bootstrap over base problems).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl

from cs_pipelines.cryptoeval.harness import (
    DEFAULT_KS,
    ScoreReport,
    Vote,
    maj_at_k,
    maj_at_k_table,
    pass_at_k,
    pass_at_k_table,
    score_samples,
)
from cs_pipelines.cryptoeval.sampling import SAMPLING_VERSION, SamplingConfig, generate_samples
from cs_pipelines.cryptoeval.task import Task
from cs_pipelines.models.device import resolve_dtype
from cs_pipelines.models.sampling import EngineSettings
from cs_pipelines.stats import (
    ALPHA,
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    Interval,
    PairedComparison,
    cluster_bootstrap_ci,
    mcnemar_exact,
    paired_cluster_bootstrap,
)
from cs_pipelines.warehouse import Warehouse
from cs_pipelines.warehouse.tables import pass_counts_per_task

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
    settings["scored_variants"] = config.scored_variants()
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


def base_problem(task_id: str, source_task_id: str = "") -> str:
    """The base problem a task belongs to: the cluster CryptoEval's intervals resample.

    A fix or explain variant names its generation task in ``source_task_id``; where that field
    is missing (rows read back from the warehouse, a JSONL without it) the id is enough:
    ``CryptoEvalFix/12`` and ``CryptoEvalExplain/12`` belong to ``CryptoEval/12``. Any other
    id (a plain HumanEval task) is its own problem.
    """
    if source_task_id:
        return source_task_id
    match = _VARIANT_ID.match(task_id)
    return f"{match['bench']}/{match['n']}" if match else task_id


_VARIANT_ID = re.compile(r"^(?P<bench>[^/]+?)(?:Fix|Explain)/(?P<n>[^/]+)$")


def scores_frame(
    evaluation: Evaluation,
    fingerprint: str = "",
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> pl.DataFrame:
    """Long-format metrics: scope (all, variant, category, difficulty), group, metric, value,
    its 95% interval (``ci_low``, ``ci_high``: a bootstrap over base problems, see
    :func:`cs_pipelines.stats.cluster_bootstrap_ci`), and the fingerprint of what was scored."""
    report = evaluation.report
    by_id = {t.task_id: t for t in evaluation.tasks}
    groups: list[tuple[str, str, dict[str, float], list[str]]] = [
        ("all", "all", {**report.pass_at_k, **report.maj_at_k}, list(report.per_task))
    ]
    for scope, table in (("category", report.by_category), ("difficulty", report.by_difficulty)):
        members = _group_members(report, by_id, scope)
        groups.extend((scope, name, metrics, members[name]) for name, metrics in table.items())
    per_task = _PerTaskScores(report, by_id)
    for variant, task_ids in sorted(_group_members(report, by_id, "variant").items()):
        metrics = {
            **pass_at_k_table({t: report.per_task[t] for t in task_ids}, DEFAULT_KS),
            **maj_at_k_table(
                {t: per_task.votes[t] for t in task_ids if t in per_task.votes}, DEFAULT_KS
            ),
        }
        groups.append(("variant", variant, metrics, task_ids))
    rows = []
    for scope, name, metrics, task_ids in groups:
        for metric, value in metrics.items():
            interval = per_task.interval(metric, task_ids, resamples, seed)
            rows.append(
                {
                    "model_version": evaluation.model_version,
                    "scope": scope,
                    "group": name,
                    "metric": metric,
                    "value": float(value),
                    "ci_low": interval.low,
                    "ci_high": interval.high,
                    "n_tasks": len(task_ids),
                    "fingerprint": fingerprint,
                }
            )
    return pl.DataFrame(rows, schema=SCORES_SCHEMA)


SCORES_SCHEMA = {
    "model_version": pl.String,
    "scope": pl.String,
    "group": pl.String,
    "metric": pl.String,
    "value": pl.Float64,
    "ci_low": pl.Float64,
    "ci_high": pl.Float64,
    "n_tasks": pl.Int64,
    "fingerprint": pl.String,
}


class _PerTaskScores:
    """Each task's pass@k (unbiased estimator) and maj@k, computed once per metric, and the
    cluster bootstrap interval of their mean over a group of tasks."""

    def __init__(self, report: ScoreReport, by_id: dict[str, Task]) -> None:
        self.report = report
        self.by_id = by_id
        self.votes = _votes(report, by_id)
        self._values: dict[str, dict[str, float]] = {}

    def values(self, metric: str) -> dict[str, float]:
        if metric not in self._values:
            kind, _, k_text = metric.partition("@")
            k = int(k_text)
            if kind == "pass":
                found = {
                    t: pass_at_k(n, c, k) for t, (n, c) in self.report.per_task.items() if k <= n
                }
            elif kind == "maj":
                found = {t: maj_at_k(v, k) for t, v in self.votes.items() if k <= len(v)}
            else:
                raise ValueError(f"no per-task values for metric {metric!r}")
            self._values[metric] = found
        return self._values[metric]

    def interval(self, metric: str, task_ids: Sequence[str], resamples: int, seed: int) -> Interval:
        values = self.values(metric)
        ids = [t for t in task_ids if t in values]
        clusters = [base_problem(t, self.by_id[t].source_task_id) for t in ids]
        return cluster_bootstrap_ci([values[t] for t in ids], clusters, resamples, seed)


def paired_comparison(
    candidate: Mapping[str, tuple[int, int]],
    baseline: Mapping[str, tuple[int, int]],
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    alpha: float = ALPHA,
) -> PairedComparison:
    """Candidate minus baseline pass@1 on the tasks both were scored on (``task_id -> (n, c)``
    each): McNemar's exact test when every such task has one sample on both sides (greedy),
    otherwise a paired bootstrap over base problems of the per-task pass rates ``c / n``.

    Raises ``ValueError`` when the two share no task.
    """
    shared = sorted(set(candidate) & set(baseline))
    if not shared:
        raise ValueError("the two versions were scored on no common task")
    clusters = [base_problem(t) for t in shared]
    if all(candidate[t][0] == 1 and baseline[t][0] == 1 for t in shared):
        return mcnemar_exact(
            [candidate[t][1] > 0 for t in shared],
            [baseline[t][1] > 0 for t in shared],
            clusters,
            alpha=alpha,
        )
    return paired_cluster_bootstrap(
        [candidate[t][1] / candidate[t][0] for t in shared],
        [baseline[t][1] / baseline[t][0] for t in shared],
        clusters,
        resamples=resamples,
        seed=seed,
        alpha=alpha,
    )


def compare_stored_versions(
    warehouse: Warehouse, candidate: str, baseline: str, alpha: float = ALPHA
) -> PairedComparison | None:
    """:func:`paired_comparison` of two model versions' stored CryptoEval results; None when
    they share no scored task (one of them never scored, say)."""
    candidate_counts = pass_counts_per_task(warehouse, candidate)
    baseline_counts = pass_counts_per_task(warehouse, baseline)
    if not set(candidate_counts) & set(baseline_counts):
        return None
    return paired_comparison(candidate_counts, baseline_counts, alpha=alpha)


def _votes(report: ScoreReport, by_id: dict[str, Task]) -> dict[str, list[Vote]]:
    """Each probed task's (signature, passed) votes, for maj@k."""
    votes: dict[str, list[Vote]] = defaultdict(list)
    for row in report.samples:
        if by_id[row["task_id"]].probe:
            votes[row["task_id"]].append((row.get("signature"), bool(row["passed"])))
    return dict(votes)


def _group_members(report: ScoreReport, by_id: dict[str, Task], attr: str) -> dict[str, list[str]]:
    """The scored tasks of each value of ``attr`` (category, difficulty or variant)."""
    members: dict[str, list[str]] = defaultdict(list)
    for task_id in report.per_task:
        members[getattr(by_id[task_id], attr)].append(task_id)
    return members
