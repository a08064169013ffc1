"""Function tasks: the authored problems are sound, distinct from CryptoEval, posed as CryptoEval
poses its tasks, and their ladder sorts right from wrong in the real sandbox."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cs_pipelines.cryptoeval.sampling import task_messages
from cs_pipelines.cryptoeval.task import spec
from cs_pipelines.cryptoeval.taskset import load_tasks
from cs_pipelines.sandbox import SandboxPool
from cs_pipelines.sft.candidates import Candidate
from cs_pipelines.sft.dataset import build_sft_dataset
from cs_pipelines.sft.decontam import contaminated, ngram_index
from cs_pipelines.sft.function_tasks import (
    FUNCTION_RUNGS,
    FunctionFamily,
    FunctionTask,
    _family_tasks,
    load_function_tasks,
    teacher_function_candidates,
    verify_function_candidates,
)
from cs_pipelines.sft.ladder import RUNGS, LadderConfig
from cs_pipelines.sft.tasks import CATEGORIES

TASKS = load_function_tasks()
BY_ID = {t.task_id: t for t in TASKS}


def candidate(task: FunctionTask, code: str, name: str = "x") -> Candidate:
    return Candidate(task.task_id, f"{name}-{task.task_id}", "model", code, task.instruction)


def test_the_library_is_large_diverse_and_graded() -> None:
    assert len(TASKS) >= 50
    families = {t.family for t in TASKS}
    assert len(families) >= 20
    assert {t.category for t in TASKS} <= set(CATEGORIES)
    assert len({t.category for t in TASKS}) >= 6
    assert {t.difficulty_label for t in TASKS} == {"easy", "medium", "hard"}
    assert all(t.task.mutants for t in TASKS), "every task stores a wrong solution"


def test_no_task_is_a_cryptoeval_task() -> None:
    benchmark = load_tasks()
    assert not {t.task.entry_point for t in TASKS} & {t.entry_point for t in benchmark}
    index = ngram_index(text for t in benchmark for text in (t.prompt, t.canonical_solution))
    leaks = {t.task_id: contaminated(t.teacher_code(), index) for t in TASKS}
    assert {task_id: gram for task_id, gram in leaks.items() if gram} == {}


def test_tasks_are_posed_exactly_as_cryptoeval_poses_a_function() -> None:
    task = TASKS[0]
    assert task.instruction == task_messages(task.task)[-1]["content"]
    assert task.task.prompt.rstrip() in task.instruction
    assert task.teacher_code().startswith(task.task.prompt.strip("\n"))


def test_every_teacher_answer_climbs_the_whole_ladder(pool: SandboxPool) -> None:
    rows = verify_function_candidates(teacher_function_candidates(TASKS), BY_ID, pool)
    failures = {r.task_id: r.stop_reason for r in rows if not r.verified}
    assert failures == {}
    assert {r.rung_name for r in rows} == {FUNCTION_RUNGS[-1]} == {RUNGS[-1]}


def test_every_stored_wrong_solution_fails_the_tests(pool: SandboxPool) -> None:
    wrong = [
        candidate(t, t.task.prompt + mutant, f"mutant{i}")
        for t in TASKS
        for i, mutant in enumerate(t.task.mutants)
    ]
    rows = verify_function_candidates(wrong, BY_ID, pool)
    assert [r.task_id for r in rows if r.rung >= FUNCTION_RUNGS.index("passes_tests")] == []
    assert all(r.stop_reason.startswith("passes_tests") for r in rows)


@pytest.mark.parametrize(
    ("code", "stopped_at", "reason"),
    [
        ("def broken(:\n    pass\n", -1, "parses: SyntaxError"),
        ("def another_name(x):\n    return x\n", -1, "defines no top-level function"),
        ("import os\n\n{header}\n    return os.getcwd()\n", 0, "imports `os`"),
        ("{header}\n    return eval('1')\n", 0, "calls `eval()`"),
        ("{header}\n    while True:\n        pass\n", 1, "passes_tests: timeout"),
        ("{header}\n    raise RuntimeError('no')\n", 1, "passes_tests: error (RuntimeError)"),
    ],
)
def test_wrong_answers_stop_at_the_rung_that_catches_them(
    pool: SandboxPool, code: str, stopped_at: int, reason: str
) -> None:
    task = TASKS[0]
    body = code.format(header=task.task.signature().rstrip())
    (row,) = verify_function_candidates([candidate(task, body)], BY_ID, pool, replace_timeout(2.0))
    assert row.rung == stopped_at and not row.verified
    assert reason in row.stop_reason
    assert row.meta["kind"] == "function"


def replace_timeout(seconds: float) -> LadderConfig:
    return replace(LadderConfig(), timeout_s=seconds)


def test_unknown_tasks_and_bad_families_are_named() -> None:
    stray = Candidate("fn/nowhere", "c1", "model", "def f(): pass", "")
    with pytest.raises(ValueError, match="fn/nowhere"):
        verify_function_candidates([stray], BY_ID, pool=None)
    one = spec("double", "easy", "def double(x):\n    '''Twice x.'''", "return 2 * x", "", [])
    with pytest.raises(ValueError, match=r"family 'odd'.*unknown category 'nope'"):
        _family_tasks(FunctionFamily("odd", "nope", [one]), "module")
    with pytest.raises(ValueError, match=r"double has unknown difficulty 'trivial'"):
        trivial = replace(one, difficulty="trivial")
        _family_tasks(FunctionFamily("odd", CATEGORIES[0], [trivial]), "m")


def test_function_rows_join_the_sft_set_split_by_family(pool: SandboxPool) -> None:
    rows = verify_function_candidates(teacher_function_candidates(TASKS), BY_ID, pool)
    benchmark = [text for t in load_tasks() for text in (t.prompt, t.canonical_solution)]
    build = build_sft_dataset([r.to_record() for r in rows], BY_ID, benchmark)
    records = build.train + build.validation
    assert len(records) == len(TASKS) and build.report.removed["contaminated"] == 0
    train, validation = ({r["family"] for r in split} for split in (build.train, build.validation))
    assert validation and not train & validation
    record = records[0]
    task = BY_ID[record["task_id"]]
    _, user, assistant = record["messages"]
    assert user["content"] == task.instruction
    assert assistant["content"] == f"```python\n{task.teacher_code().rstrip()}\n```"
    assert record["difficulty"] == task.difficulty and record["family"].startswith("fn:")
