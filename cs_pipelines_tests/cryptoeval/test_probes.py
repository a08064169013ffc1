"""Probe inputs: derivation from ``check``, canonical outputs, signatures in and out of the sandbox.

The scoring programs here are the harness's own (``build_voting_program``), run through the
trusted self-check runner: canonical solutions and mutants are this repository's code.
"""

from __future__ import annotations

import ast
import json
import math
from decimal import Decimal

import numpy as np
import pytest

from cs_pipelines.cryptoeval import Task, load_tasks, run_programs
from cs_pipelines.cryptoeval.harness import build_program, build_voting_program
from cs_pipelines.cryptoeval.probes import (
    SIGNATURE_MARKER,
    canonical,
    derive_probe,
    output_signature,
    parse_signature,
    probe_source,
    record_calls,
    run_probe,
)
from cs_pipelines.cryptoeval.task import TEST_HELPERS, spec

TASKS = load_tasks()
IDS = [t.task_id for t in TASKS]
BY_ID = {t.task_id: t for t in TASKS}


def _function(task: Task, completion: str | None = None):
    namespace: dict = {"__name__": "probe_test"}
    body = task.canonical_solution if completion is None else completion
    exec(task.prompt + body, namespace)
    return namespace[task.entry_point]


@pytest.fixture(scope="module")
def signatures() -> dict[tuple[str, str], tuple[bool, str | None]]:
    """(task_id, kind) -> (passed, signature) for the canonical solution and every mutant."""
    keys, programs = [], []
    for task in TASKS:
        for kind, completion in [("canonical", task.canonical_solution)] + [
            (f"mutant{i}", m) for i, m in enumerate(task.mutants)
        ]:
            keys.append((task.task_id, kind))
            programs.append(build_voting_program(task, completion, timeout_s=5.0))
    outcomes = run_programs(programs, per_program_timeout=5.0, total_timeout=300.0)
    return {k: (r.passed, parse_signature(r.stdout)) for k, r in zip(keys, outcomes, strict=True)}


@pytest.mark.parametrize("task", TASKS, ids=IDS)
def test_every_task_has_a_probe(task: Task) -> None:
    assert task.probe, "no probe: maj@k cannot cluster this task's samples"
    tree = ast.parse(task.probe)
    assert any(isinstance(n, ast.FunctionDef) and n.name == "probe" for n in tree.body)
    if task.source_task_id:
        assert task.probe == BY_ID[task.source_task_id].probe


@pytest.mark.parametrize("task", [t for t in TASKS if t.variant == "generate"])
def test_canonical_probe_output_is_deterministic(task: Task) -> None:
    first = run_probe(task.probe, _function(task))
    second = run_probe(task.probe, _function(task))
    assert first, "a probe makes at least one call"
    assert json.dumps(canonical(first), sort_keys=True) == json.dumps(
        canonical(second), sort_keys=True
    )
    assert output_signature(first) == output_signature(second)


def test_sandboxed_signature_matches_the_in_process_one(signatures) -> None:
    """The scoring program computes the same signature as ``output_signature`` does here."""
    for task in TASKS:
        passed, signature = signatures[(task.task_id, "canonical")]
        assert passed, task.task_id
        assert signature == output_signature(run_probe(task.probe, _function(task))), task.task_id


def test_mutants_fail_and_almost_all_change_the_signature(signatures) -> None:
    pairs = [(t.task_id, f"mutant{i}") for t in TASKS for i in range(len(t.mutants))]
    assert not [p for p in pairs if signatures[p][0]], "a mutant passed"
    assert all(signatures[p][1] is not None for p in pairs), "a mutant has no signature"
    differs = [p for p in pairs if signatures[p][1] != signatures[(p[0], "canonical")][1]]
    assert len(differs) >= 0.95 * len(pairs), sorted(set(pairs) - set(differs))
    tasks_told_apart = {task_id for task_id, _ in differs}
    assert len(tasks_told_apart) >= 0.95 * len(TASKS)


def test_voting_program_without_a_probe_is_human_evals() -> None:
    task = TASKS[0]
    plain = Task.from_record({**task.to_record(), "probe": ""})
    completion = task.canonical_solution
    assert build_voting_program(plain, completion) == build_program(plain, completion)
    voting = build_voting_program(task, completion)
    assert voting.startswith(task.prompt + completion + "\n" + task.test + "\n")
    assert SIGNATURE_MARKER in voting


SQUARE = spec(
    "square_all",
    "easy",
    '''
    def square_all(xs: list[float], scale: float = 1.0) -> list[float]:
        """Squares times ``scale``; raise ValueError on an empty list.

        >>> square_all([2.0])
        [4.0]
        """
    ''',
    """
    if len(xs) == 0:
        raise ValueError("empty")
    return [scale * x * x for x in xs]
    """,
    """
    def check(candidate):
        assert _close(candidate([2.0]), [4.0])
        assert _close(candidate([2.0]), [4.0])
        assert _close(candidate([nan, 1.5], scale=2.0), [nan, 4.5])
        assert _raises(candidate, ValueError, [])
        assert candidate(xs=[1.0], scale=-inf)[0] == -inf
        assert candidate(WeirdList([3.0])) == [9.0]
        assert _close(candidate(np.array([1.0, 2.0])), [1.0, 4.0])
    """,
    ["    return xs\n"],
)
SQUARE_TEST = SQUARE.test.replace(
    TEST_HELPERS,
    TEST_HELPERS
    + 'import numpy as np\n\ninf = float("inf")\n\n\nclass WeirdList(list):\n    pass\n',
)


def test_derivation_records_check_calls_and_drops_non_literals() -> None:
    calls = record_calls(SQUARE.prompt, SQUARE.solution, SQUARE_TEST, "square_all")
    assert len(calls) == 7
    probe = derive_probe(SQUARE.prompt, SQUARE.solution, SQUARE_TEST, "square_all")
    namespace: dict = {}
    exec(probe, namespace)
    # Duplicates are made once; the list subclass and the numpy array do not round-trip.
    assert namespace["_calls"]() == [
        (([2.0],), {}),
        (([namespace["nan"], 1.5],), {"scale": 2.0}),
        (([],), {}),
        ((), {"xs": [1.0], "scale": -math.inf}),
    ]
    exec(SQUARE.prompt + SQUARE.solution, namespace)
    outputs = run_probe(probe, namespace["square_all"])
    assert outputs[2] == {"raises": "ValueError"}
    assert canonical(outputs) == [[4], ["<nan>", 4.5], {"raises": "ValueError"}, ["<-inf>"]]


def test_a_call_that_mutates_its_arguments_is_told_apart() -> None:
    probe = probe_source(["(([3.0, 1.0],), {})"])

    def sort_copy(xs):
        return sorted(xs)

    def sort_in_place(xs):
        xs.sort()
        return xs

    assert run_probe(probe, sort_copy) == [[1.0, 3.0]]
    assert run_probe(probe, sort_in_place) == [
        {"returns": [1.0, 3.0], "mutated": [([1.0, 3.0],), {}]}
    ]


def test_derivation_of_a_broken_task_warns_and_gives_no_probe() -> None:
    with pytest.warns(UserWarning, match="no probe"):
        assert derive_probe("def f(x):\n", "    return x\n", "def check(c):\n    boom\n", "f") == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.1 + 0.2, 0.3),
        (1.0000001, 1),
        (-0.0, 0),
        (123456789.0, 123457000),
        (7, 7),
        (True, True),
        (float("nan"), "<nan>"),
        (float("-inf"), "<-inf>"),
        ((1.5, "a", None), [1.5, "a", None]),
        (np.float64(2.5), 2.5),
        (np.int64(3), 3),
        (np.array([[1.0, np.nan]]), [[1, "<nan>"]]),
        (np.bool_(True), True),
        (Decimal("0.125"), 0.125),
        ({2, 1}, [1, 2]),
        ({"b": 1.0, "a": (2,)}, {"a": [2], "b": 1}),
        ({1.0: "x"}, {"1": "x"}),
        (object(), "<object>"),
        (len, "<builtin_function_or_method>"),
    ],
)
def test_canonical_forms(value, expected) -> None:
    assert canonical(value) == expected


def test_signature_ignores_dict_order_and_float_noise() -> None:
    assert output_signature([{"a": 1.0, "b": 2.0}]) == output_signature([{"b": 2.0, "a": 1.0}])
    assert output_signature([0.1 + 0.2, (1, 2)]) == output_signature([0.3, [1, 2]])
    assert output_signature([1.0]) != output_signature([1.001])
    assert output_signature([float("nan")]) != output_signature([None])
    assert len(output_signature([])) == 16


def test_parse_signature_takes_the_last_line() -> None:
    a, b = "0123456789abcdef", "fedcba9876543210"
    stdout = f"noise\n{SIGNATURE_MARKER}={a}\nmore\n{SIGNATURE_MARKER}={b}\n"
    assert parse_signature(stdout) == b
    assert parse_signature(f"x\n{SIGNATURE_MARKER}=none\n") is None
    assert parse_signature(f"{SIGNATURE_MARKER}=not-hex\n") is None
    assert parse_signature("") is None
