"""Load the CryptoEval task set and read/write it as HumanEval JSONL.

Every generation task is a task folder ``tasks/<category>/<NNN>_<entry_point>/`` (the layout:
``tasks/README.md`` and :func:`cs_pipelines.cryptoeval.task.read_spec`); ``NNN`` is its id,
``CryptoEval/<NNN>``, frozen: ids run 0, 1, 2, ... without gaps, so a new task takes the next free
number, whatever its category. Fix variants (HumanEvalPack's HumanEvalFix style) get
``CryptoEvalFix/<n>`` and explain variants (HumanEvalExplain style: describe the code, then
write it again from the description) ``CryptoEvalExplain/<n>``, where ``<n>`` is the number of
the task they were derived from; they follow the generation tasks in that order. Every task
carries a probe for maj@k: the folder's ``probe.py``, or one derived from its ``check``
(:mod:`cs_pipelines.cryptoeval.probes`).
"""

from __future__ import annotations

import functools
import gzip
import json
import textwrap
from pathlib import Path
from typing import Any

from cs_pipelines.cryptoeval.probes import derive_probe
from cs_pipelines.cryptoeval.task import (
    CATEGORIES,
    Spec,
    Task,
    folder_number,
    function_header,
    read_spec,
)

TASKS_DIR = Path(__file__).with_name("tasks")

# Every EXPLAIN_EVERY-th generation task (0, 4, 8, ...) gets an explain variant: a fixed,
# category-spread subset that new tasks extend without renumbering anything.
EXPLAIN_EVERY = 4


@functools.cache
def load_specs(root: Path = TASKS_DIR) -> tuple[tuple[str, Spec], ...]:
    """(category, spec) of every task folder under ``root``, in id order.

    Raises ``ValueError`` on an unknown category folder or ids that repeat or leave a gap.
    """
    folders = sorted((p.parent for p in root.glob("*/*/task.toml")), key=folder_number)
    ids = [folder_number(f) for f in folders]
    if ids != list(range(len(ids))):
        repeated = sorted({n for n in ids if ids.count(n) > 1})
        missing = sorted(set(range(max(ids, default=-1) + 1)) - set(ids))
        raise ValueError(f"{root}: task ids repeat {repeated} or are missing {missing}")
    for folder in folders:
        if folder.parent.name not in CATEGORIES:
            raise ValueError(f"{folder}: unknown category; use one of {CATEGORIES}")
    return tuple((f.parent.name, read_spec(f)) for f in folders)


def _fix_prompt(task: Task, symptom: str) -> str:
    """Buggy function, its failure symptom, then the signature and docstring to complete again."""
    buggy = task.prompt + task.mutants[0]
    header = function_header(task.prompt, task.entry_point) or f"def {task.entry_point}("
    signature_and_doc = task.prompt[task.prompt.rindex(header.rstrip("\n")) :]
    symptom_lines = textwrap.wrap(
        f"Symptom: {symptom}", width=94, initial_indent="# ", subsequent_indent="#   "
    )
    return (
        f"{buggy}\n\n"
        f"# The implementation of {task.entry_point} above has a bug.\n"
        + "\n".join(symptom_lines)
        + "\n# Write the corrected function below (same signature and specification).\n\n\n"
        + signature_and_doc
    )


def _explain_task(task: Task, n: int) -> Task | None:
    """The explain variant of a generation task, or None when its header cannot be found."""
    header = function_header(task.prompt, task.entry_point)
    if not header:
        return None
    preamble = task.prompt[: task.prompt.rindex(header.rstrip("\n"))].strip("\n")
    prompt = f"# Write {task.entry_point} from its description.\n"
    if preamble:
        prompt += "\n" + preamble + "\n"
    explain_source = header + task.canonical_solution
    return Task(
        task_id=f"CryptoEvalExplain/{n}",
        prompt=prompt + "\n\n",
        entry_point=task.entry_point,
        canonical_solution=explain_source,
        test=task.test,
        category=task.category,
        difficulty=task.difficulty,
        mutants=tuple(header + m for m in task.mutants),
        variant="explain",
        source_task_id=task.task_id,
        probe=task.probe,
        explain_source=explain_source,
    )


def _fix_task(task: Task, n: int, symptom: str) -> Task:
    return Task(
        task_id=f"CryptoEvalFix/{n}",
        prompt=_fix_prompt(task, symptom),
        entry_point=task.entry_point,
        canonical_solution=task.canonical_solution,
        test=task.test,
        category=task.category,
        difficulty=task.difficulty,
        # Repeating the shown bug (the most likely wrong answer) must fail, too.
        mutants=task.mutants,
        variant="fix",
        bug_symptom=symptom,
        source_task_id=task.task_id,
        probe=task.probe,
    )


def task_from_spec(s: Spec, task_id: str, category: str) -> Task:
    """The generation task a spec defines, with its probe (derived when the spec has none)."""
    return Task(
        task_id=task_id,
        prompt=s.prompt,
        entry_point=s.entry_point,
        canonical_solution=s.solution,
        test=s.test,
        category=category,
        difficulty=s.difficulty,
        mutants=s.mutants,
        probe=s.probe or derive_probe(s.prompt, s.solution, s.test, s.entry_point),
    )


def load_tasks(include_fix: bool = True, include_explain: bool = True) -> list[Task]:
    """Generation tasks ``CryptoEval/<n>``, then ``CryptoEvalFix/<n>``, ``CryptoEvalExplain/<n>``.

    ``include_fix`` and ``include_explain`` leave out the fix and the explain variants. The
    first call in a process derives the probes (~0.15 s); later calls reuse them.
    """
    tasks: list[Task] = []
    fixes: list[Task] = []
    explains: list[Task] = []
    for n, (category, s) in enumerate(load_specs()):
        task = task_from_spec(s, f"CryptoEval/{n}", category)
        tasks.append(task)
        if s.fix_symptom:
            fixes.append(_fix_task(task, n, s.fix_symptom))
        explain = _explain_task(task, n) if n % EXPLAIN_EVERY == 0 else None
        if explain is not None:
            explains.append(explain)
    return tasks + (fixes if include_fix else []) + (explains if include_explain else [])


def write_jsonl(path: str | Path, tasks: list[Task] | None = None) -> Path:
    """Write tasks (default: all of them) as HumanEval JSONL, one record per line."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tasks = load_tasks() if tasks is None else tasks
    with path.open("w", encoding="utf-8") as fh:
        for task in tasks:
            fh.write(json.dumps(task.to_record(), ensure_ascii=False) + "\n")
    return path


TASK_KEYS = ("task_id", "prompt", "entry_point", "canonical_solution", "test")


def jsonl_records(path: str | Path, what: str) -> list[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` of every non-blank line of a JSONL file (``.gz``: gzipped).

    Raises ``ValueError`` naming the file and the line: a line that is not a JSON object (a
    truncated one, say), or a file without any (``what`` names what it should hold).
    """
    opener = gzip.open if str(path).endswith(".gz") else open
    records = []
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    cut = "" if line.endswith("\n") else " (the last line, cut short?)"
                    raise ValueError(
                        f"{path}:{lineno}: not valid JSON{cut}: {exc.msg} (column {exc.colno})"
                    ) from None
                if not isinstance(record, dict):
                    raise ValueError(f"{path}:{lineno}: expected a JSON object, got {line[:40]!r}")
                records.append((lineno, record))
    except (UnicodeDecodeError, EOFError, gzip.BadGzipFile) as exc:
        raise ValueError(f"{path}: unreadable ({exc})") from None
    if not records:
        raise ValueError(f"{path}: no {what} in the file (it is empty)")
    return records


def read_jsonl(path: str | Path) -> list[Task]:
    """Read HumanEval JSONL (``.gz`` too; extra keys optional) back into :class:`Task` records,
    every error (see :func:`jsonl_records`, a missing key, a repeated task id) naming the file
    and the line."""
    tasks, lines = [], {}
    for lineno, record in jsonl_records(path, "tasks"):
        missing = [key for key in TASK_KEYS if not isinstance(record.get(key), str)]
        if missing:
            raise ValueError(f"{path}:{lineno}: a task needs {', '.join(missing)} (strings)")
        if record["task_id"] in lines:
            first = lines[record["task_id"]]
            raise ValueError(f"{path}:{lineno}: task {record['task_id']} repeats line {first}")
        lines[record["task_id"]] = lineno
        tasks.append(Task.from_record(record))
    return tasks
