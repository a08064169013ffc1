"""Every CryptoEval score carries a bootstrap interval over base problems, and two versions are
compared task by task. The sandbox is replaced by a pool that reads a marker from each program:
the tests choose which samples pass."""

from __future__ import annotations

import math

import numpy as np
import pytest

from cs_pipelines.cryptoeval.evaluate import (
    SCORES_SCHEMA,
    Evaluation,
    base_problem,
    paired_comparison,
    scores_frame,
)
from cs_pipelines.cryptoeval.harness import pass_at_k, score_samples
from cs_pipelines.cryptoeval.probes import SIGNATURE_MARKER
from cs_pipelines.cryptoeval.taskset import load_tasks
from cs_pipelines.sandbox.result import ExecutionResult, Status
from cs_pipelines.stats import cluster_bootstrap_ci


class MarkerPool:
    """Passes a program iff its completion says ``#PASS``; the signature is the marker's."""

    def run_many(self, programs, timeout_s=10.0, **options):
        results = []
        for program in programs:
            passed = "#PASS" in program
            signature = ("a" if passed else "b") * 16
            results.append(
                ExecutionResult(
                    status=Status.PASSED if passed else Status.FAILED,
                    stdout=f"{SIGNATURE_MARKER}={signature}\n",
                )
            )
        return results


@pytest.fixture(scope="module")
def tasks():
    every = load_tasks()
    problems = {f"CryptoEval/{n}" for n in range(0, 80)}
    return [t for t in every if base_problem(t.task_id, t.source_task_id) in problems]


def evaluate(tasks, passes, n_samples=2, version="v"):
    """``passes(task, j)`` decides whether sample ``j`` of ``task`` passes."""
    samples = [
        {"task_id": t.task_id, "completion": "#PASS" if passes(t, j) else "#FAIL"}
        for t in tasks
        for j in range(n_samples)
    ]
    report = score_samples(tasks, samples, MarkerPool(), ks=(1, 2))
    return Evaluation(version, list(tasks), samples, report, 0.0, 0.0)


def problem_number(task) -> int:
    return int(base_problem(task.task_id, task.source_task_id).split("/")[1])


def test_a_task_names_its_base_problem_with_or_without_the_source_field():
    every = load_tasks()
    assert {t.variant for t in every} == {"generate", "fix", "explain"}
    for task in every:
        assert base_problem(task.task_id) == base_problem(task.task_id, task.source_task_id)
        if task.variant == "generate":
            assert base_problem(task.task_id) == task.task_id
        else:
            assert base_problem(task.task_id) == task.source_task_id
    assert base_problem("CryptoEvalFix/12") == "CryptoEval/12"
    assert base_problem("CryptoEvalExplain/3") == "CryptoEval/3"
    assert base_problem("HumanEval/7") == "HumanEval/7"


def test_every_score_row_has_an_interval_around_its_value(tasks):
    evaluation = evaluate(tasks, lambda t, j: (problem_number(t) + j) % 3 == 0)
    scores = scores_frame(evaluation, "fp")
    assert scores.schema == SCORES_SCHEMA
    assert set(scores["scope"]) == {"all", "variant", "category", "difficulty"}
    assert {"pass@1", "pass@2", "maj@1", "maj@2"} <= set(scores["metric"])
    assert scores["ci_low"].null_count() == 0 and scores["ci_high"].null_count() == 0
    for row in scores.iter_rows(named=True):
        assert 0 <= row["ci_low"] <= row["value"] <= row["ci_high"] <= 1, row
    overall = scores.filter((scores["scope"] == "all") & (scores["metric"] == "pass@1")).row(
        0, named=True
    )
    assert overall["ci_low"] < overall["value"] < overall["ci_high"]
    assert scores_frame(evaluation, "fp").equals(scores)  # seeded: the same run, the same rows


def test_the_overall_interval_resamples_base_problems(tasks):
    # Every variant of a problem passes or fails together: the clusters carry the evidence.
    evaluation = evaluate(tasks, lambda t, j: problem_number(t) % 3 == 0, n_samples=1)
    scores = scores_frame(evaluation, resamples=1000, seed=4)
    row = scores.filter((scores["scope"] == "all") & (scores["metric"] == "pass@1")).row(
        0, named=True
    )
    per_task = evaluation.report.per_task
    values = [pass_at_k(*per_task[t.task_id], 1) for t in tasks]
    clusters = [base_problem(t.task_id) for t in tasks]
    expected = cluster_bootstrap_ci(values, clusters, resamples=1000, seed=4)
    assert (row["value"], row["ci_low"], row["ci_high"]) == pytest.approx(
        (expected.estimate, expected.low, expected.high)
    )
    naive = cluster_bootstrap_ci(values, list(range(len(values))), resamples=1000, seed=4)
    assert expected.high - expected.low > naive.high - naive.low
    assert row["n_tasks"] == len(tasks) > expected.n_clusters == 80


def test_paired_comparison_is_mcnemar_for_greedy_samples_and_a_bootstrap_otherwise():
    rng = np.random.default_rng(0)
    ids = [f"CryptoEval/{n}" for n in range(40)] + [f"CryptoEvalFix/{n}" for n in range(40)]
    base = {t: (1, int(rng.random() < 0.3)) for t in ids}
    better = {t: (1, 1 if t.endswith(("/1", "/2", "/3")) else c) for t, (_, c) in base.items()}
    greedy = paired_comparison({**better, "CryptoEval/999": (1, 1)}, base)
    assert greedy.method == "mcnemar" and greedy.n_tasks == 80 and greedy.n_clusters == 40
    assert greedy.wins + greedy.losses + greedy.ties == 80 and greedy.losses == 0
    assert greedy.difference == pytest.approx(greedy.wins / 80)

    several = {t: (4, 4 * c) for t, (_, c) in better.items()}
    sampled = paired_comparison(several, {t: (4, 4 * c) for t, (_, c) in base.items()}, seed=3)
    assert sampled.method == "paired cluster bootstrap" and sampled.n_clusters == 40
    assert sampled.difference == pytest.approx(greedy.difference)
    assert math.isfinite(sampled.p_value) and sampled.ci_low <= sampled.difference

    with pytest.raises(ValueError, match="no common task"):
        paired_comparison({"CryptoEval/1": (1, 1)}, {"CryptoEval/2": (1, 0)})
