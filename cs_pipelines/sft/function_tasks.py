"""Function tasks for the SFT set: load the authored problems, and verify candidate functions.

The problems live in task folders under ``sft/functions/<category>/<family>/`` (layout:
``sft/functions/README.md``), grouped in :class:`FunctionFamily` folders whose ``family.toml``
gives the family's place in the set (``order``); a task's id is ``fn/<entry_point>``.

A function task (:class:`FunctionTask`) is posed exactly as a CryptoEval generation task is
(the same system prompt and user message), so the model trains on the format it is evaluated
in. A candidate climbs :data:`FUNCTION_RUNGS`: it parses and defines the function, imports only
allowed modules (the strategy ladder's allow-list and forbidden calls), passes the task's tests
in the sandbox, and gives the same outputs on the task's probe inputs when run again in a fresh
worker. The last rung has the strategy ladder's name, so "verified" means the same thing for
every row of the SFT set.
"""

from __future__ import annotations

import ast
import functools
import logging
import time
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cs_pipelines.cryptoeval.harness import score_samples
from cs_pipelines.cryptoeval.sampling import task_messages, to_completion
from cs_pipelines.cryptoeval.task import Spec, Task, folder_number, read_spec
from cs_pipelines.cryptoeval.taskset import task_from_spec
from cs_pipelines.sft.candidates import TEACHER, Candidate, candidate_id
from cs_pipelines.sft.ladder import LadderConfig, VerifiedCandidate, check_imports
from cs_pipelines.sft.tasks import CATEGORIES, DIFFICULTY_LABELS

logger = logging.getLogger(__name__)

FUNCTIONS_DIR = Path(__file__).with_name("functions")
TASK_PREFIX = "fn/"
FAMILY_PREFIX = "fn:"
FUNCTION_RUNGS = ("parses", "imports_allowed", "passes_tests", "deterministic")
PASSES_TESTS = FUNCTION_RUNGS.index("passes_tests")
KIND = {"kind": "function"}  # in every row's meta


@dataclass(frozen=True)
class FunctionFamily:
    """Related problems (one skill, several functions) in one of the SFT task categories.

    A family is the unit the train/validation split assigns, so validation holds kinds of
    function no adapter trained on.
    """

    name: str
    category: str
    specs: tuple[Spec, ...]

    def __init__(self, name: str, category: str, specs: list[Spec] | tuple[Spec, ...]) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "category", category)
        object.__setattr__(self, "specs", tuple(specs))


@dataclass(frozen=True)
class FunctionTask:
    """One function to write: a HumanEval-format ``task`` plus where it sits in the SFT set."""

    task: Task
    family: str
    category: str

    @property
    def task_id(self) -> str:
        return self.task.task_id

    @property
    def difficulty_label(self) -> str:
        return self.task.difficulty

    @property
    def difficulty(self) -> int:
        """1 (easy) to 3 (hard), on the strategy tasks' scale."""
        return DIFFICULTY_LABELS.index(self.task.difficulty) + 1

    @property
    def instruction(self) -> str:
        """The user message, word for word as CryptoEval asks for a function."""
        return task_messages(self.task)[-1]["content"]

    def teacher_code(self) -> str:
        """The reference answer: the whole function, imports included."""
        return (self.task.prompt + self.task.canonical_solution).strip("\n") + "\n"

    def to_record(self) -> dict[str, Any]:
        return {
            "task_id": self.task_id,
            "family": self.family,
            "category": self.category,
            "difficulty": self.difficulty,
            "difficulty_label": self.difficulty_label,
            "entry_point": self.task.entry_point,
            "instruction": self.instruction,
            "prompt": self.task.prompt,
            "canonical_solution": self.task.canonical_solution,
            "test": self.task.test,
            "n_mutants": len(self.task.mutants),
        }


def load_function_tasks(root: Path = FUNCTIONS_DIR) -> list[FunctionTask]:
    """Every authored function task, in family and task order; ids are ``fn/<entry_point>``.

    Raises ``ValueError`` naming the family of an unknown category or difficulty, or a name
    used twice.
    """
    tasks: list[FunctionTask] = []
    for folder, family in load_families(root):
        tasks.extend(_family_tasks(family, str(folder)))
    seen: set[str] = set()
    for task in tasks:
        if task.task_id in seen:
            raise ValueError(f"function task {task.task_id} is defined twice")
        seen.add(task.task_id)
    return tasks


@functools.cache
def load_families(root: Path = FUNCTIONS_DIR) -> tuple[tuple[Path, FunctionFamily], ...]:
    """(folder, family) of every ``<category>/<family>/family.toml`` under ``root``, by ``order``.

    Raises ``ValueError`` when two families share an ``order`` or two tasks of a family a number.
    """
    ordered = []
    for path in root.glob("*/*/family.toml"):
        meta = tomllib.loads(path.read_text(encoding="utf-8"))
        if set(meta) != {"order"} or not isinstance(meta["order"], int):
            raise ValueError(f"{path}: holds exactly one key, order = <integer>")
        ordered.append((meta["order"], path.parent))
    orders = [n for n, _ in ordered]
    if len(set(orders)) != len(orders):
        raise ValueError(f"{root}: families share an order: {sorted(orders)}")
    families = []
    for _, folder in sorted(ordered):
        tasks = sorted((p.parent for p in folder.glob("*/task.toml")), key=folder_number)
        if len({folder_number(task) for task in tasks}) != len(tasks):
            raise ValueError(f"{folder}: two task folders share a number")
        specs = [read_spec(task) for task in tasks]
        families.append((folder, FunctionFamily(folder.name, folder.parent.name, specs)))
    return tuple(families)


def _family_tasks(family: FunctionFamily, source: str) -> list[FunctionTask]:
    where = f"{source}: family {family.name!r}"
    if family.category not in CATEGORIES:
        raise ValueError(f"{where}: unknown category {family.category!r}; use one of {CATEGORIES}")
    tasks = []
    for s in family.specs:
        if s.difficulty not in DIFFICULTY_LABELS:
            raise ValueError(f"{where}: {s.entry_point} has unknown difficulty {s.difficulty!r}")
        task = task_from_spec(s, f"{TASK_PREFIX}{s.entry_point}", family.category)
        tasks.append(FunctionTask(task, f"{FAMILY_PREFIX}{family.name}", family.category))
    return tasks


def is_function_task_id(task_id: str) -> bool:
    return task_id.startswith(TASK_PREFIX)


def teacher_function_candidates(tasks: Sequence[FunctionTask]) -> list[Candidate]:
    """The reference answer of every task, as a candidate from the teacher."""
    return [
        Candidate(
            task_id=task.task_id,
            candidate_id=candidate_id(task.task_id, TEACHER, task.teacher_code()),
            source=TEACHER,
            code=task.teacher_code(),
            instruction=task.instruction,
        )
        for task in tasks
    ]


# ------------------------------------------------------------------------------------ the ladder


def static_problem(code: str, entry_point: str, config: LadderConfig) -> tuple[int, str]:
    """(rungs passed, why it stopped) of the rungs that need no execution; '' when it passed
    both."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError) as exc:
        return -1, f"parses: {type(exc).__name__}: {exc}"
    defined = {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }
    if entry_point not in defined:
        return -1, f"parses: defines no top-level function `{entry_point}`"
    problem = check_imports(tree, config)
    return (0, f"imports_allowed: {problem}") if problem else (1, "")


@dataclass
class _Climb:
    """A candidate on its way up: the highest rung passed so far and why it stopped."""

    candidate: Candidate
    rung: int
    reason: str
    first_signature: str | None = None


def verify_function_candidates(
    candidates: Sequence[Candidate],
    tasks: Mapping[str, FunctionTask],
    pool: Any,
    config: LadderConfig | None = None,
) -> list[VerifiedCandidate]:
    """Climb every candidate up :data:`FUNCTION_RUNGS` (rows in the candidates' order).

    Tests and the re-run execute in ``pool`` (a :class:`~cs_pipelines.sandbox.SandboxPool`),
    each as one batch; a candidate of a task not in ``tasks`` raises ``ValueError``.
    """
    config = config or LadderConfig()
    unknown = sorted({c.task_id for c in candidates} - set(tasks))
    if unknown:
        raise ValueError(f"candidates answer unknown function tasks: {', '.join(unknown[:5])}")
    started = time.perf_counter()
    climbs = [
        _Climb(c, *static_problem(c.code, tasks[c.task_id].task.entry_point, config))
        for c in candidates
    ]
    runnable = [climb for climb in climbs if not climb.reason]
    for climb, row in zip(runnable, _run(runnable, tasks, pool, config), strict=True):
        if row["passed"]:
            climb.rung, climb.first_signature = PASSES_TESTS, row["signature"]
        else:
            climb.reason = f"passes_tests: {row['status']} ({row['exc_type'] or 'no exception'})"
    passing = [climb for climb in climbs if climb.rung == PASSES_TESTS]
    for climb, row in zip(passing, _run(passing, tasks, pool, config), strict=True):
        if row["passed"] and row["signature"] == climb.first_signature:
            climb.rung += 1
        else:
            climb.reason = "deterministic: a second run gave other outputs on the probe inputs"
    elapsed = (time.perf_counter() - started) / max(len(candidates), 1)
    rows = [_row(climb, elapsed) for climb in climbs]
    logger.info("%d of %d function candidates verified", sum(r.verified for r in rows), len(rows))
    return rows


def _run(
    climbs: list[_Climb], tasks: Mapping[str, FunctionTask], pool: Any, config: LadderConfig
) -> list[dict[str, Any]]:
    """The harness's sample rows (status, passed, signature...) of the climbs' code."""
    if not climbs:
        return []
    chosen = {c.candidate.task_id: tasks[c.candidate.task_id].task for c in climbs}
    samples = [
        {
            "task_id": c.candidate.task_id,
            "completion": to_completion(chosen[c.candidate.task_id], c.candidate.code),
        }
        for c in climbs
    ]
    return score_samples(list(chosen.values()), samples, pool, timeout_s=config.timeout_s).samples


def _row(climb: _Climb, duration_s: float) -> VerifiedCandidate:
    return VerifiedCandidate.climbed(
        climb.candidate, FUNCTION_RUNGS, climb.rung, climb.reason, duration_s, meta=KIND
    )
