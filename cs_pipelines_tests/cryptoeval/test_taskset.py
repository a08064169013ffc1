"""Validation of every CryptoEval task (generate, fix and explain variants): format, canonical
passes, every mutant fails, coverage.

All programs are trusted (written in this repository) and run in one child interpreter via
``run_programs``; the session-scoped fixture runs them once for all tests.
"""

from __future__ import annotations

import ast
import json
import time
from collections import Counter

import pytest

from cs_pipelines.cryptoeval import (
    CATEGORIES,
    DIFFICULTIES,
    Task,
    load_tasks,
    read_jsonl,
    run_programs,
    write_jsonl,
)
from cs_pipelines.cryptoeval.task import function_header

TASKS = load_tasks()
GENERATE = [t for t in TASKS if t.variant == "generate"]
FIX = [t for t in TASKS if t.variant == "fix"]
EXPLAIN = [t for t in TASKS if t.variant == "explain"]
IDS = [t.task_id for t in TASKS]

_DOCTEST = """

import doctest as _doctest

_runner = _doctest.DocTestRunner(optionflags=_doctest.NORMALIZE_WHITESPACE)
for _t in _doctest.DocTestFinder().find({entry}, "{entry}", globs=dict(globals())):
    _runner.run(_t, out=lambda _s: None)
assert _runner.failures == 0, "docstring example failed"
"""


@pytest.fixture(scope="session")
def results() -> dict[tuple[str, str], object]:
    """(task_id, kind) -> ProgramResult for canonical, doctest and every mutant, in one batch."""
    keys, programs = [], []
    for task in TASKS:
        keys.append((task.task_id, "canonical"))
        programs.append(task.program())
        if task.variant == "generate":
            keys.append((task.task_id, "doctest"))
            doctest_driver = _DOCTEST.format(entry=task.entry_point)
            programs.append(task.prompt + task.canonical_solution + doctest_driver)
        for i, mutant in enumerate(task.mutants):
            keys.append((task.task_id, f"mutant{i}"))
            programs.append(task.program(mutant))
    outcomes = run_programs(programs, per_program_timeout=5.0, total_timeout=120.0)
    return dict(zip(keys, outcomes, strict=True))


def test_enough_tasks_and_unique_ids() -> None:
    assert len(IDS) == len(set(IDS))
    assert len(GENERATE) >= 150
    assert len(FIX) >= 15
    assert len(EXPLAIN) >= 30
    assert TASKS == GENERATE + FIX + EXPLAIN, "variants follow the generation tasks, in order"
    assert len({t.entry_point for t in GENERATE}) == len(GENERATE), "entry points name tasks"
    assert [t.task_id for t in GENERATE] == [f"CryptoEval/{i}" for i in range(len(GENERATE))]


def test_category_and_difficulty_coverage() -> None:
    assert {t.category for t in TASKS} == set(CATEGORIES)
    assert {t.difficulty for t in TASKS} <= set(DIFFICULTIES)
    per_difficulty = Counter(t.difficulty for t in GENERATE)
    assert all(per_difficulty[d] >= 10 for d in DIFFICULTIES), per_difficulty


@pytest.mark.parametrize("task", TASKS, ids=IDS)
def test_task_format(task: Task) -> None:
    assert task.mutants, "every task needs at least one wrong solution"
    assert len(set(task.mutants)) == len(task.mutants)
    assert task.canonical_solution not in task.mutants
    if task.variant == "explain":  # completions are whole functions after imports
        assert task.canonical_solution == task.explain_source
        assert all(c.startswith(task.signature()) for c in (*task.mutants, task.explain_source))
        assert '"""' not in task.explain_source, "the docstring is what the model must write"
        assert task.signature().rstrip() not in task.prompt
    else:
        assert task.canonical_solution.startswith("    ")
        assert task.prompt.rstrip().endswith('"""'), "prompt ends with the docstring"
        assert not task.explain_source
    if task.variant == "generate":
        assert ">>>" in task.prompt, "the docstring has at least one example"
    elif task.variant == "fix":
        assert task.bug_symptom and task.source_task_id.startswith("CryptoEval/")
        assert task.mutants[0] in task.prompt, "fix prompt shows the buggy body"
    tree = ast.parse(task.prompt + task.canonical_solution)
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert task.entry_point in defined
    test_tree = ast.parse(task.test)
    assert any(isinstance(n, ast.FunctionDef) and n.name == "check" for n in test_tree.body)
    for mutant in task.mutants:
        ast.parse(task.prompt + mutant)


def _has_float_literal(node: ast.AST) -> bool:
    """A float constant, or a list/tuple/dict display holding one (not inside a call)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, float)
    if isinstance(node, ast.UnaryOp):
        return _has_float_literal(node.operand)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return any(_has_float_literal(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return any(_has_float_literal(v) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _has_float_literal(node.left) or _has_float_literal(node.right)
    return False


@pytest.mark.parametrize("task", GENERATE, ids=[t.task_id for t in GENERATE])
def test_floats_compared_with_tolerance(task: Task) -> None:
    """No exact ``==``/``!=`` against float literals in ``check``: use ``_close``/``isclose``."""
    check = next(
        n for n in ast.parse(task.test).body if isinstance(n, ast.FunctionDef) and n.name == "check"
    )
    for node in ast.walk(check):
        if isinstance(node, ast.Compare) and any(
            isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops
        ):
            sides = [node.left, *node.comparators]
            assert not any(_has_float_literal(s) for s in sides), ast.unparse(node)


@pytest.mark.parametrize("task", TASKS, ids=IDS)
def test_canonical_passes(task: Task, results) -> None:
    result = results[(task.task_id, "canonical")]
    assert result.passed, result.error
    if task.variant == "generate":
        result = results[(task.task_id, "doctest")]
        assert result.passed, result.error


@pytest.mark.parametrize("task", TASKS, ids=IDS)
def test_every_mutant_fails(task: Task, results) -> None:
    for i in range(len(task.mutants)):
        assert not results[(task.task_id, f"mutant{i}")].passed, f"mutant {i} survives"


def test_jsonl_round_trip(tmp_path) -> None:
    path = write_jsonl(tmp_path / "cryptoeval.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(TASKS)
    first = json.loads(lines[0])
    for key in ("task_id", "prompt", "entry_point", "canonical_solution", "test"):
        assert isinstance(first[key], str)
    assert read_jsonl(path) == TASKS


@pytest.mark.parametrize("task", GENERATE, ids=[t.task_id for t in GENERATE])
def test_crypto_calendar(task: Task) -> None:
    """Crypto trades every day: no canonical solution annualises with 252 trading days."""
    assert "252" not in task.canonical_solution


def test_fix_variants_derive_from_their_source() -> None:
    by_id = {t.task_id: t for t in TASKS}
    for fix in FIX:
        source = by_id[fix.source_task_id]
        assert fix.task_id == source.task_id.replace("CryptoEval/", "CryptoEvalFix/")
        assert fix.entry_point == source.entry_point and fix.test == source.test
        assert fix.canonical_solution == source.canonical_solution
        assert fix.prompt.startswith(source.prompt + source.mutants[0])
        assert fix.prompt.endswith(source.prompt[source.prompt.index(f"def {fix.entry_point}(") :])


def test_explain_variants_derive_from_their_source() -> None:
    by_id = {t.task_id: t for t in TASKS}
    for explain in EXPLAIN:
        source = by_id[explain.source_task_id]
        assert explain.task_id == source.task_id.replace("CryptoEval/", "CryptoEvalExplain/")
        assert source.variant == "generate"
        assert explain.entry_point == source.entry_point and explain.test == source.test
        assert explain.probe == source.probe and explain.signature() == source.signature()
        assert explain.explain_source == source.signature() + source.canonical_solution
        assert explain.mutants == tuple(source.signature() + m for m in source.mutants)
        preamble = source.prompt[: source.prompt.index(source.signature().rstrip())].strip()
        assert preamble in explain.prompt and explain.prompt.startswith("# ")


def test_explain_variants_spread_over_categories_and_difficulties() -> None:
    assert {t.category for t in EXPLAIN} == set(CATEGORIES)
    assert {t.difficulty for t in EXPLAIN} == set(DIFFICULTIES)


def test_signature_is_the_whole_def_header() -> None:
    assert function_header("class Cross(bt.Strategy):\n    pass\n", "Cross") == (
        "class Cross(bt.Strategy):\n"
    )
    assert function_header("def f(\n    x: dict[str, int] = {'a': 1},\n) -> int:\n", "f") == (
        "def f(\n    x: dict[str, int] = {'a': 1},\n) -> int:\n"
    )
    assert function_header("def g(x):\n    pass\n", "f") == ""
    by_entry = {t.entry_point: t for t in GENERATE}
    assert by_entry["sma"].signature() == (
        "def sma(values: list[float], window: int) -> list[float]:\n"
    )
    multi_line = [t for t in TASKS if t.signature().count("\n") > 1]
    assert multi_line, "some headers span several lines"
    for task in TASKS:
        header = task.signature()
        assert header.startswith((f"def {task.entry_point}(", f"class {task.entry_point}"))
        assert header.endswith(":\n")
        tree = ast.parse(header + "    pass\n")
        assert [n.name for n in tree.body] == [task.entry_point]


def test_probe_and_explain_source_are_optional_record_keys() -> None:
    record = {k: v for k, v in EXPLAIN[0].to_record().items()}
    assert record["probe"] and record["explain_source"]
    human_eval = {k: record[k] for k in ("task_id", "prompt", "entry_point")}
    human_eval |= {"canonical_solution": record["canonical_solution"], "test": record["test"]}
    task = Task.from_record(human_eval)
    assert task.probe == "" and task.explain_source == "" and task.variant == "generate"
    assert Task.from_record(record) == EXPLAIN[0]


def test_loading_is_fast_once_probes_are_derived() -> None:
    started = time.perf_counter()
    assert load_tasks() == TASKS
    assert time.perf_counter() - started < 1.0
    assert load_tasks(include_fix=False, include_explain=False) == GENERATE


def test_selfcheck_runner_reports_failures_and_timeouts() -> None:
    ok, failed, hung = run_programs(
        ["print('hi')", "assert False, 'boom'", "while True:\n    pass"], per_program_timeout=0.5
    )
    assert ok.passed and not failed.passed and "boom" in failed.error
    assert ok.stdout == "hi\n"
    assert not hung.passed and hung.error == "timeout"
